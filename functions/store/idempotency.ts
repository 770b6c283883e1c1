import type { Store } from './client';
import { getItem, putItem } from './dynamo';
import * as keys from './keys';

/**
 * One record per completed unit of work (`scope` + `key`), e.g. a webhook delivery by its
 * `webhook-id`. Written only once the work is durably done, so its presence means "done".
 */
export interface IdempotencyRecord<T = unknown> {
  scope: string;
  key: string;
  result: T;
  completedAt: string;
  /** SHA-256 (hex) of what the work was asked with, e.g. a delivery's raw body; absent on older records. */
  bodyHash?: string;
}

export async function getIdempotencyRecord<T>(
  store: Store,
  scope: string,
  key: string,
): Promise<IdempotencyRecord<T> | undefined> {
  const item = await getItem(store, keys.idempotencyKey(scope, key));
  if (!item) return undefined;
  return {
    scope,
    key,
    result: item.result as T,
    completedAt: item.completedAt as string,
    ...(typeof item.bodyHash === 'string' ? { bodyHash: item.bodyHash } : {}),
  };
}

export async function putIdempotencyRecord<T>(
  store: Store,
  record: IdempotencyRecord<T>,
  expiresAt: number,
): Promise<void> {
  await putItem(store, {
    ...keys.idempotencyKey(record.scope, record.key),
    type: 'idempotency',
    scope: record.scope,
    key: record.key,
    result: record.result,
    completedAt: record.completedAt,
    ...(record.bodyHash ? { bodyHash: record.bodyHash } : {}),
    expiresAt,
  });
}
