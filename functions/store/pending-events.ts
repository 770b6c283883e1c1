import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PresenceEvent } from '../../shared/contract/events';
import type { Store } from './client';
import { batchGet, byPartition, keyId, queryAll } from './dynamo';
import { conditionHeld } from './errors';
import * as keys from './keys';

/** An event about a student we do not know yet, kept until that student arrives. */
export interface PendingEvent {
  studentId: string;
  event: PresenceEvent;
  receivedAt: string;
}

/** Keeps an event for later; false when it was kept already (a repeat, or its twin at the same time). */
export function putPendingEvent(store: Store, pending: PendingEvent, expiresAt: number): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        ConditionExpression: 'attribute_not_exists(pk)',
        TableName: store.tableName,
        Item: {
          ...keys.pendingKey(pending.studentId, pending.event.id),
          ...keys.pendingListGsi1(pending.receivedAt, pending.event.id),
          type: 'pending',
          studentId: pending.studentId,
          receivedAt: pending.receivedAt,
          event: pending.event,
          expiresAt,
        },
      }),
    ),
  );
}

/** Which of these (student, event id) pairs are already pending. */
export async function existingPendingEvents(
  store: Store,
  pairs: ReadonlyArray<{ studentId: string; eventId: string }>,
): Promise<Set<string>> {
  const found = await batchGet(
    store,
    pairs.map((p) => keys.pendingKey(p.studentId, p.eventId)),
  );
  return new Set(
    pairs.filter((p) => found.has(keyId(keys.pendingKey(p.studentId, p.eventId)))).map((p) => p.eventId),
  );
}

export async function listPendingEvents(store: Store, studentId: string): Promise<PendingEvent[]> {
  const items = await queryAll(store, {
    ...byPartition('table', keys.pendingPk(studentId)),
    ConsistentRead: true,
  });
  return items.map((i) => ({
    studentId: i.studentId as string,
    event: i.event as PresenceEvent,
    receivedAt: i.receivedAt as string,
  }));
}

/** All pending events, oldest first (operations view). */
export async function listAllPendingEvents(store: Store): Promise<PendingEvent[]> {
  const items = await queryAll(store, byPartition('gsi1', keys.pendingListPk()));
  return items.map((i) => ({
    studentId: i.studentId as string,
    event: i.event as PresenceEvent,
    receivedAt: i.receivedAt as string,
  }));
}

export async function deletePendingEvents(
  store: Store,
  pairs: ReadonlyArray<{ studentId: string; eventId: string }>,
): Promise<void> {
  for (let i = 0; i < pairs.length; i += 25) {
    let requests = pairs
      .slice(i, i + 25)
      .map((p) => ({ DeleteRequest: { Key: keys.pendingKey(p.studentId, p.eventId) } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchWrite: requests stayed unprocessed');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const out = await store.doc.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: requests } }),
      );
      requests = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof requests;
    }
  }
}
