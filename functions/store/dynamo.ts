import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { PrimaryKey } from './keys';

export type Item = Record<string, unknown>;

const BATCH_GET_LIMIT = 100;

/** BatchGet of any number of keys, retrying unprocessed keys. Missing items are absent from the map. */
export async function batchGet(store: Store, keys: readonly PrimaryKey[]): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Map(keys.map((k) => [keyId(k), k])).values()];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let request: PrimaryKey[] = unique.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; request.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
      if (attempt > 8) throw new Error('BatchGet: keys stayed unprocessed');
      const out = await store.doc.send(
        new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: request, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[store.tableName] ?? []) found.set(keyId(item as PrimaryKey), item);
      request = (out.UnprocessedKeys?.[store.tableName]?.Keys ?? []) as PrimaryKey[];
    }
  }
  return found;
}

export const keyId = (key: PrimaryKey): string => `${key.pk}\u0000${key.sk}`;

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

/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure after all settle. */
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
