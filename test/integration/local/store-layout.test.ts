import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStoreLayout, OldStoreLayoutError, STORE_LAYOUT } from '../../../scripts/local/store-layout';

const dirs: string[] = [];
const dataDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'presentie-layout-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a data folder of another store layout', () => {
  it('marks a new data folder with the current layout, and starts on it again', async () => {
    const dir = await dataDir();
    await checkStoreLayout(dir);
    expect(JSON.parse(await readFile(join(dir, 'store-layout.json'), 'utf8'))).toEqual({
      layout: STORE_LAYOUT,
    });
    await expect(checkStoreLayout(dir)).resolves.toBeUndefined();
  });

  it('stops a start on a table written before layouts were recorded, saying what to do', async () => {
    const dir = await dataDir();
    await mkdir(join(dir, 'dynamodb'));
    await expect(checkStoreLayout(dir)).rejects.toThrow(OldStoreLayoutError);
    await expect(checkStoreLayout(dir)).rejects.toThrow(/Delete the folder/);
  });

  it('stops a start on a table of another recorded layout', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'store-layout.json'), JSON.stringify({ layout: STORE_LAYOUT - 1 }));
    await expect(checkStoreLayout(dir)).rejects.toThrow(`store layout ${STORE_LAYOUT - 1}`);
  });
});
