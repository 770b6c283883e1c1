import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { updateExpression } from './dynamo';
import { conditionMustHold, isConditionFailed } from './errors';
import type { PrimaryKey } from './keys';

/**
 * Upsert of master data ordered by `occurredAt` (epoch ms in `version`): fields set (or
 * removed when undefined), the event id recorded; an older version is ConcurrentModification.
 */
export async function versionedUpsert(
  store: Store,
  key: PrimaryKey,
  fields: Record<string, unknown>,
  meta: { version: number; eventId: string; what: string },
): Promise<void> {
  const update = updateExpression(
    { ...fields, version: meta.version },
    { eventIds: new Set([meta.eventId]) },
  );
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

/** Records an event id that changed nothing, on an existing item, so its repetition is a duplicate. */
export async function addEventId(store: Store, key: PrimaryKey, eventId: string): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: key,
        UpdateExpression: 'ADD eventIds :ids',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ids': new Set([eventId]) },
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
