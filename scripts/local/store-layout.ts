import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The table's layout changes as the design does (docs/data-model.md); a data folder written by
 * an earlier layout would be read wrongly rather than fail. The folder records the layout it
 * was written with, and a start on another one stops with what to do.
 */
export const STORE_LAYOUT = 2;

const FILE = 'store-layout.json';

export class OldStoreLayoutError extends Error {
  override name = 'OldStoreLayoutError';
  constructor(dataDir: string, found: number) {
    super(
      `${dataDir} holds data written by an earlier version of Presentie (store layout ${found}, now ${STORE_LAYOUT}). ` +
        'Delete the folder (or set DATA_DIR to another one) to start over with the demo school.',
    );
  }
}

/** Stops when `dataDir` holds a table of another layout; marks a new one with this layout. */
export async function checkStoreLayout(dataDir: string): Promise<void> {
  const file = join(dataDir, FILE);
  if (existsSync(file)) {
    const { layout } = JSON.parse(await readFile(file, 'utf8')) as { layout: number };
    if (layout !== STORE_LAYOUT) throw new OldStoreLayoutError(dataDir, layout);
    return;
  }
  // A table without the file predates the file: the first layout.
  if (existsSync(join(dataDir, 'dynamodb'))) throw new OldStoreLayoutError(dataDir, 1);
  await writeFile(file, `${JSON.stringify({ layout: STORE_LAYOUT })}\n`);
}
