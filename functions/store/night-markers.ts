import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { putItem, queryAll } from './dynamo';
import {
  allShards,
  openWindowMarkerKey,
  openWindowPk,
  type PrimaryKey,
  recheckMarkerKey,
  recheckPk,
} from './keys';

/**
 * The nightly run's own lists (AP 75, 76): one small item per student with an open window, and
 * one per held-back report's recheck date. They replace the sparse index keys on the signal state
 * (AP 30, 33): both indexes project ALL, so every save of such a state wrote the whole state again
 * in the index, and a move a delete and a put there. A marker is written only when membership
 * changes: before the state that opens it is saved, and deleted after the state that closes it, so
 * a crash in between costs one extra evaluation, never a missed one.
 */
export interface NightMarkers {
  openWindow: boolean;
  /** Dates of the recheck markers (one, normally; two only between a crash and the next save). */
  recheckOn: string[];
}

export const NO_MARKERS: NightMarkers = { openWindow: false, recheckOn: [] };

/** Students with an open-window marker. */
export async function listOpenWindowMarkers(store: Store): Promise<string[]> {
  const pages = await Promise.all(
    allShards().map((shard) =>
      queryAll(store, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': openWindowPk(shard) },
        ProjectionExpression: 'studentId',
      }),
    ),
  );
  return pages.flat().map((item) => String(item.studentId));
}

/** Every recheck marker (due or not): the planner needs the future ones to move or delete them. */
export async function listRecheckMarkers(store: Store): Promise<{ studentId: string; recheckOn: string }[]> {
  const pages = await Promise.all(
    allShards().map((shard) =>
      queryAll(store, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': recheckPk(shard) },
        ProjectionExpression: 'studentId, recheckOn',
      }),
    ),
  );
  return pages
    .flat()
    .map((item) => ({ studentId: String(item.studentId), recheckOn: String(item.recheckOn) }));
}

/** The markers `has` has and `lacks` lacks, each with the recheck date a recheck marker carries. */
function markersOnlyIn(
  studentId: string,
  has: NightMarkers,
  lacks: NightMarkers,
): { key: PrimaryKey; recheckOn?: string }[] {
  return [
    ...(has.openWindow && !lacks.openWindow ? [{ key: openWindowMarkerKey(studentId) }] : []),
    ...has.recheckOn
      .filter((date) => !lacks.recheckOn.includes(date))
      .map((date) => ({ key: recheckMarkerKey(studentId, date), recheckOn: date })),
  ];
}

/**
 * Puts the markers `next` has and `previous` lacks. A marker expires with the student's state,
 * so that one whose student is gone (never saved again) does not stay behind.
 */
export async function addMarkers(
  store: Store,
  studentId: string,
  previous: NightMarkers,
  next: NightMarkers,
  expiresAt: number,
): Promise<void> {
  await Promise.all(
    markersOnlyIn(studentId, next, previous).map(({ key, recheckOn }) =>
      putItem(store, {
        ...key,
        ...(recheckOn ? { recheckOn } : {}),
        type: 'night-marker',
        studentId,
        expiresAt,
      }),
    ),
  );
}

/** Deletes the markers `previous` has and `next` lacks. */
export async function removeMarkers(
  store: Store,
  studentId: string,
  previous: NightMarkers,
  next: NightMarkers,
): Promise<void> {
  await Promise.all(
    markersOnlyIn(studentId, previous, next).map(({ key }) =>
      store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: key })),
    ),
  );
}
