import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from './chromium';

const root = resolve(import.meta.dirname, '../..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Finds the browser once for every test worker, and builds `web/dist` for the browser tests
 * when it is missing or older than its sources (web/ and the shared texts and types it
 * imports), so that plain `vitest run` tests the dashboard as it is now. Cheap when nothing
 * changed.
 */
export default async function setup(): Promise<void> {
  // Only when browser tests may run: a full run, or one naming them (others' targeted runs stay fast).
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-') && a !== 'run' && a !== 'vitest');
  if (filters.length > 0 && !filters.some((f) => f.includes('browser'))) return;
  process.env.CHROMIUM_PATH = await chromiumPath();
  buildDashboard();
}

function buildDashboard(): void {
  const dist = join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newest(join(root, 'web', 'src')),
    statSync(join(root, 'web', 'index.html')).mtimeMs,
    newest(join(root, 'shared')),
  );
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    // vitest sets NODE_ENV=test, which would make a development build (Svelte's dev mode).
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) throw new Error('building web/dist failed');
}
