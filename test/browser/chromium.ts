import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the system's, else the
 * one packaged in `@sparticuz/chromium`, so that `npm ci` alone gives a machine what `npm test`
 * needs. Called once by the global setup, which hands the answer to the test workers through
 * the environment (`CHROMIUM_PATH`, and `LD_LIBRARY_PATH` for the packaged one's libraries).
 */
export function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) return Promise.resolve(chosen);
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  return system ? Promise.resolve(system) : packagedChromium();
}

/**
 * Unpacks the packaged Chromium to the temporary folder (once) with the NSS and expat
 * libraries it links against: the package unpacks those only on Amazon Linux, but a Debian
 * without a browser lacks them too.
 */
export async function packagedChromium(): Promise<string> {
  const { default: packaged, inflate } = await import('@sparticuz/chromium');
  const libraries = join(
    await inflate(join(root, 'node_modules/@sparticuz/chromium/bin/al2023.tar.br')),
    'lib',
  );
  const current = process.env.LD_LIBRARY_PATH;
  process.env.LD_LIBRARY_PATH = current ? `${libraries}:${current}` : libraries;
  return packaged.executablePath();
}
