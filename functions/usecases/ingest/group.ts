import { mapLimit } from '../../store/dynamo';

/** Parallel across keys, in order within a key: events about one entity never race each other. */
export async function forEachGroup<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  fn: (group: T[]) => Promise<void>,
  concurrency = 16,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  await mapLimit([...groups.values()], concurrency, fn);
}
