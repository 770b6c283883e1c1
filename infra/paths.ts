import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so synth works from any working directory. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HANDLERS_DIR = join(REPO_ROOT, 'functions', 'handlers');
export const WEB_DIST_DIR = join(REPO_ROOT, 'web', 'dist');

export function handlerEntry(name: string): string {
  return join(HANDLERS_DIR, `${name}.ts`);
}

/** The dashboard is only uploaded when it has been built (`npm run build:web`). */
export function dashboardBuildExists(dir: string = WEB_DIST_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}
