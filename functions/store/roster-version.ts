import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { getItem } from './dynamo';
import * as keys from './keys';

/**
 * The roster version: one small item that every change to a student moves on (after the
 * change is stored), so that a process may keep the students it read for as long as the
 * version it reads stays the same (usecases/ingest/roster-cache.ts). Without the item (never
 * moved) the version is `initial`.
 */

export const INITIAL_ROSTER_VERSION = 'initial';

/** A consistent read: a version read after a student change was stored is never the one before it. */
export async function readRosterVersion(store: Store): Promise<string> {
  const item = await getItem(store, keys.rosterVersionKey());
  return (item?.version as string | undefined) ?? INITIAL_ROSTER_VERSION;
}

/** Moves the version on: called after a student change is stored (and when one is repeated). */
export async function moveRosterVersion(store: Store): Promise<string> {
  const version = randomUUID();
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.rosterVersionKey(),
      UpdateExpression: 'SET #type = :type, #version = :version',
      ExpressionAttributeNames: { '#type': 'type', '#version': 'version' },
      ExpressionAttributeValues: { ':type': 'roster-version', ':version': version },
    }),
  );
  return version;
}
