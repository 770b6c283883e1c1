import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { byPartition, queryAll } from './dynamo';
import * as keys from './keys';

/**
 * Which student-days changed since the nightly run last looked: one item per delivery (or
 * reclassification) that wrote registrations, never changed afterwards, removed by the nightly
 * run once it has evaluated those students. A delivery writes a new item rather than marking
 * each day, so it costs one write however many days it touched, and a change that lands
 * while the nightly run works is in an item that run did not read.
 */

export interface ChangeMark {
  studentId: string;
  date: IsoDate;
}

/** A student-day named in a change-log item. */
export interface DirtyMark extends ChangeMark {
  changeId: string;
}

const markOf = ({ studentId, date }: ChangeMark) => `${studentId}#${date}`;

/** Names the student-days a write is about to change; written before the registrations it names. */
export async function putChangeLog(
  store: Store,
  change: { changeId: string; marks: readonly ChangeMark[]; expiresAt: number },
): Promise<void> {
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.changeLogKey(change.changeId),
        type: 'change-log',
        marks: new Set(change.marks.map(markOf)),
        expiresAt: change.expiresAt,
      },
    }),
  );
}

/** Every student-day named in the change log. */
export async function listDirtyDays(store: Store): Promise<DirtyMark[]> {
  const items = await queryAll(store, { ...byPartition('table', keys.changeLogPk()), ConsistentRead: true });
  return items.flatMap((item) =>
    [...((item.marks as Set<string> | undefined) ?? [])].map((mark) => {
      const at = mark.lastIndexOf('#');
      return { studentId: mark.slice(0, at), date: mark.slice(at + 1), changeId: item.sk as string };
    }),
  );
}

/** The distinct students with at least one changed day. */
export async function listDirtyStudents(store: Store): Promise<string[]> {
  return [...new Set((await listDirtyDays(store)).map((m) => m.studentId))].sort();
}

/**
 * Removes the change-log items the nightly run has dealt with: those `marks` came from,
 * except an item that names a day after `asOf` (a replay of an earlier date must not swallow
 * later changes; evaluating its other students once more changes nothing).
 */
export async function settleChanges(store: Store, marks: readonly DirtyMark[], asOf: IsoDate): Promise<void> {
  await deleteChanges(store, changesToSettle(marks, asOf));
}

/** The change-log items a run of `asOf` settles: those its marks came from, but none naming a later day. */
export function changesToSettle(marks: readonly DirtyMark[], asOf: IsoDate): string[] {
  const later = new Set(marks.filter((m) => m.date > asOf).map((m) => m.changeId));
  return [...new Set(marks.map((m) => m.changeId).filter((id) => !later.has(id)))].sort();
}

/** Removes change-log items by id (one already gone is no error: a retried run removes it again). */
export async function deleteChanges(store: Store, changeIds: readonly string[]): Promise<void> {
  for (const changeId of changeIds)
    await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.changeLogKey(changeId) }));
}
