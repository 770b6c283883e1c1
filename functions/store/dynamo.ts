import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { PrimaryKey } from './keys';

export type Item = Record<string, unknown>;

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
/**
 * Batch requests in flight at once: enough that the store always has the next request while
 * this process prepares more (a delivery's 500 keys are 5 reads, its 500 items 20 writes).
 */
const BATCHES_IN_FLIGHT = 8;
const MAX_ATTEMPTS = 9;

const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * BatchGet of any number of keys, retrying unprocessed keys. Missing items are absent. Consistent
 * reads unless the caller says a read of a moment ago will do (half the read units).
 */
export async function batchGet(
  store: Store,
  keys: readonly PrimaryKey[],
  { consistent = true }: { consistent?: boolean } = {},
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [keyId(k), k])).values()];
  await mapLimit(chunked(unique, BATCH_GET_LIMIT), BATCHES_IN_FLIGHT, async (chunk) => {
    let request: PrimaryKey[] = chunk;
    for (let attempt = 0; request.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error('BatchGet: keys stayed unprocessed');
      if (attempt > 0) await backoff(attempt);
      const out = await store.doc.send(
        new BatchGetCommand({
          RequestItems: { [store.tableName]: { Keys: request, ConsistentRead: consistent } },
        }),
      );
      for (const item of out.Responses?.[store.tableName] ?? []) found.set(keyId(item as PrimaryKey), item);
      request = (out.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as PrimaryKey[];
    }
  });
  return found;
}

/**
 * Puts whole items with BatchWriteItem, 25 a request, retrying unprocessed items. No
 * conditions: callers only batch-write what is theirs alone to write, or what any writer would write the same.
 */
export async function batchPut(store: Store, items: readonly Item[]): Promise<void> {
  // One request may not name a key twice; the last version of an item is the one meant.
  const unique = [...new Map(items.map((item) => [keyId(item as unknown as PrimaryKey), item])).values()];
  await mapLimit(chunked(unique, BATCH_WRITE_LIMIT), BATCHES_IN_FLIGHT, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error('BatchWrite: items stayed unprocessed');
      if (attempt > 0) await backoff(attempt);
      const out = await store.doc.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
      );
      pending = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
    }
  });
}

/** GetItem of one key; undefined when it was never stored. Consistent unless the caller says otherwise, as `batchGet`. */
export async function getItem(
  store: Store,
  key: PrimaryKey,
  { consistent = true }: { consistent?: boolean } = {},
): Promise<Item | undefined> {
  const out = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: consistent }),
  );
  return out.Item;
}

/** Puts a whole item, unconditionally: for items whose replay writes the same (or a newer) whole. */
export async function putItem(store: Store, item: Item): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: item }));
}

export const keyId = (key: PrimaryKey): string => `${key.pk}\u0000${key.sk}`;

/** Consistent reads of records by id (`keyOf` its key, `toRecord` its reading); the ones never stored are absent. */
export async function batchGetByIds<T>(
  store: Store,
  ids: Iterable<string>,
  keyOf: (id: string) => PrimaryKey,
  toRecord: (item: Item) => T,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = await batchGet(store, unique.map(keyOf));
  const result = new Map<string, T>();
  for (const id of unique) {
    const item = found.get(keyId(keyOf(id)));
    if (item) result.set(id, toRecord(item));
  }
  return result;
}

/** Every page of a query. */
export async function queryAll(
  store: Store,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({ ...input, TableName: store.tableName, ExclusiveStartKey: start }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Query helpers for the two index shapes: exact partition, optional sort-key range. */
export function byPartition(
  index: 'table' | 'gsi1' | 'gsi2',
  pkValue: string,
  range?: { from: string; to: string } | { prefix: string },
): Omit<QueryCommandInput, 'TableName'> {
  const pkName = index === 'table' ? 'pk' : `${index}pk`;
  const skName = index === 'table' ? 'sk' : `${index}sk`;
  const names: Record<string, string> = { '#pk': pkName };
  const values: Record<string, unknown> = { ':pk': pkValue };
  let condition = '#pk = :pk';
  if (range && 'prefix' in range) {
    names['#sk'] = skName;
    values[':prefix'] = range.prefix;
    condition += ' AND begins_with(#sk, :prefix)';
  } else if (range) {
    names['#sk'] = skName;
    values[':from'] = range.from;
    values[':to'] = range.to;
    condition += ' AND #sk BETWEEN :from AND :to';
  }
  return {
    ...(index === 'table' ? {} : { IndexName: index }),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * Builds an UpdateItem expression: SET every defined field, REMOVE every `undefined` one,
 * ADD numbers or sets. Names are always placeholders, so any attribute name is safe.
 */
export function updateExpression(
  fields: Record<string, unknown>,
  add: Record<string, unknown> = {},
): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  const adds: string[] = [];
  let n = 0;
  for (const [name, value] of Object.entries(fields)) {
    const key = `#u${n++}`;
    names[key] = name;
    if (value === undefined) remove.push(key);
    else {
      values[`:u${n}`] = value;
      set.push(`${key} = :u${n}`);
    }
  }
  for (const [name, value] of Object.entries(add)) {
    const key = `#a${n++}`;
    names[key] = name;
    values[`:a${n}`] = value;
    adds.push(`${key} :a${n}`);
  }
  const parts = [
    set.length > 0 ? `SET ${set.join(', ')}` : '',
    remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
    adds.length > 0 ? `ADD ${adds.join(', ')}` : '',
  ].filter(Boolean);
  return {
    UpdateExpression: parts.join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * The one bounded-concurrency helper: runs `fn` over `items` with at most `limit` in flight, in
 * order of start. After a failure no new item starts; it rejects with the first failure once the
 * items in flight have settled, so nothing keeps writing behind a failed call.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
