import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { compileModule } from 'svelte/compiler';

const root = resolve(import.meta.dirname, '../../..');
const out = join(root, 'node_modules', '.cache', 'presentie-runes');

/**
 * Loads a `.svelte.ts` view-logic module compiled for the browser runtime, so that its
 * `$state` and `$derived` behave as in the dashboard. Its own imports (e.g. the API's paths from
 * shared/api) are bundled in; only svelte stays external.
 */
export async function loadRunes<T>(relativeToWebSrc: string): Promise<T> {
  const file = join(root, 'web', 'src', relativeToWebSrc);
  const js = buildSync({
    entryPoints: [file],
    bundle: true,
    external: ['svelte', 'svelte/*'],
    write: false,
    format: 'esm',
    target: 'es2022',
  }).outputFiles[0]?.text as string;
  const compiled = compileModule(js, { filename: file, generate: 'client', dev: false }).js.code;
  mkdirSync(out, { recursive: true });
  const target = join(out, `${basename(file, '.ts')}.${process.pid}.mjs`);
  writeFileSync(target, compiled);
  return (await import(pathToFileURL(target).href)) as T;
}
