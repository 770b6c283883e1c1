import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { updateExpression } from './dynamo';
import { conditionMustHold, isConditionFailed } from './errors';
import { keepNewest } from './event-ids';
import type { PrimaryKey } from './keys';

/**
 * Upsert of master data ordered by `occurredAt` (epoch ms in `version`): fields set (or
 * removed when undefined), the settled event ids written (the newest, event-ids.ts); an older
 * version is ConcurrentModification. The ids are read before and written whole, without a lock:
 * an upsert of the same item at the same moment may leave the other's id out, and a repeat of
 * that event then writes the same version again, which changes nothing.
 */
export async function versionedUpsert(
  store: Store,
  key: PrimaryKey,
  fields: Record<string, unknown>,
  meta: { version: number; eventIds: readonly string[]; what: string },
): Promise<void> {
  const update = updateExpression({ ...fields, version: meta.version, eventIds: keepNewest(meta.eventIds) });
  await conditionMustHold(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        ...update,
        ConditionExpression: 'attribute_not_exists(#v) OR #v <= :v',
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#v': 'version' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':v': meta.version },
      }),
    ),
    meta.what,
  );
}

/**
 * Records the settled event ids of an existing item after an event that changed nothing, so that
 * its repetition is a duplicate (while it is among the newest kept).
 */
export async function setEventIds(store: Store, key: PrimaryKey, eventIds: readonly string[]): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: 'SET eventIds = :ids',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ids': keepNewest(eventIds) },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** Strips table keys and bookkeeping from an item. */
export function plain<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (!/^(pk|sk|gsi[12](pk|sk)|type|eventIds|version|expiresAt)$/.test(k)) out[k] = v;
  }
  return out as T;
}
