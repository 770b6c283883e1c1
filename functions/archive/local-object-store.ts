import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectStore } from './object-store';

/** Objects in memory: the tests' stand-in for the bucket. */
export function memoryObjectStore(objects = new Map<string, Uint8Array>()): ObjectStore & {
  objects: Map<string, Uint8Array>;
  written: Map<string, Date>;
} {
  const written = new Map<string, Date>();
  return {
    objects,
    written,
    put(key, body) {
      objects.set(key, new Uint8Array(body));
      written.set(key, new Date());
      return Promise.resolve();
    },
    get(key) {
      return Promise.resolve(objects.get(key));
    },
    delete(key) {
      objects.delete(key);
      return Promise.resolve();
    },
    list(prefix) {
      const found = [...objects.keys()]
        .filter((key) => key.startsWith(prefix))
        .sort()
        .map((key) => ({ key, lastModified: written.get(key) ?? new Date(0) }));
      return (async function* () {
        yield* found;
      })();
    },
  };
}

/** Objects as files under a folder (`DATA_DIR/archive` for `npm start`). */
export function fileObjectStore(root: string): ObjectStore {
  const path = (key: string) => join(root, ...key.split('/'));
  return {
    async put(key, body) {
      await mkdir(dirname(path(key)), { recursive: true });
      await writeFile(path(key), body);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(path(key)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
    async *list(prefix) {
      const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      const keys = files
        .filter((f) => f.isFile())
        .map((f) => relative(root, join(f.parentPath, f.name)).split(sep).join('/'))
        .filter((k) => k.startsWith(prefix))
        .sort();
      for (const key of keys) yield { key, lastModified: (await stat(path(key))).mtime };
    },
  };
}
