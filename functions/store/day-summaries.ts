import type { RegistrationData } from '../../shared/contract/events';
import { summarizeDay } from '../../shared/policy';
import type { Classification, DaySummary, IsoDate } from '../../shared/policy/types';
import { type ChangeMark, changeLogItem } from './change-log';
import type { Store } from './client';
import { batchPut, byPartition, type Item, queryAll } from './dynamo';
import * as keys from './keys';

/**
 * One registration's contribution to a day: its latest revision with the facts and their
 * classification, or a tombstone (deleted, or moved to another day).
 */
export type DayEntry =
  | (Omit<RegistrationData, 'registrationId' | 'studentId' | 'date'> & {
      deleted: false;
      classification: Classification;
    })
  | { revision: number; deleted: true };

export type LiveDayEntry = Extract<DayEntry, { deleted: false }> & { registrationId: string };

/** A day entry with where it lives. */
export interface PlacedEntry {
  studentId: string;
  date: IsoDate;
  registrationId: string;
  entry: DayEntry;
}

/** A stored day: the totals derived from its live entries. */
export interface StoredDay {
  studentId: string;
  date: IsoDate;
  summary: DaySummary;
  registrations: LiveDayEntry[];
}

const ENTRY_FIELDS = new Set(['pk', 'sk', 'type', 'studentId', 'expiresAt', 'gsi1pk', 'gsi1sk']);

/** A day-entry item as the entry it holds. */
export function toPlacedEntry(item: Item): PlacedEntry {
  const { date, registrationId } = keys.dayEntryOf(item.sk as string);
  const entry: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!ENTRY_FIELDS.has(name)) entry[name] = value;
  return { studentId: item.studentId as string, date, registrationId, entry: entry as DayEntry };
}

/** Day-entry items (any order, tombstones included) as the days with lessons, oldest first. */
export function toStoredDays(items: readonly Item[]): StoredDay[] {
  const byDate = new Map<IsoDate, { studentId: string; registrations: LiveDayEntry[] }>();
  for (const item of items) {
    const { studentId, date, registrationId, entry } = toPlacedEntry(item);
    if (entry.deleted) continue;
    const day = byDate.get(date) ?? { studentId, registrations: [] };
    byDate.set(date, day);
    day.registrations.push({ ...entry, registrationId });
  }
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, { studentId, registrations }]) => {
      registrations.sort(
        (a, b) => a.start.localeCompare(b.start) || a.registrationId.localeCompare(b.registrationId),
      );
      return { studentId, date, summary: summarizeDay(date, registrations), registrations };
    });
}

/**
 * Writes day entries whole with BatchWriteItem, and one change-log item naming their
 * student-days for the nightly run. Only under the ingestion lease (ingest-lease.ts): the
 * caller has read the registration heads and decided that these versions win.
 */
export async function putDayEntries(
  store: Store,
  entries: ReadonlyArray<PlacedEntry & { expiresAt: number }>,
  change: { changeId: string; expiresAt: number },
): Promise<void> {
  if (entries.length === 0) return;
  const marks: ChangeMark[] = entries.map(({ studentId, date }) => ({ studentId, date }));
  await batchPut(store, [
    changeLogItem(change.changeId, marks, change.expiresAt),
    ...entries.map(({ studentId, date, registrationId, entry, expiresAt }) => ({
      ...keys.dayEntryKey(studentId, date, registrationId),
      type: 'day-entry',
      studentId,
      ...entry,
      expiresAt,
      ...(!entry.deleted && entry.reason === 'severe_weather'
        ? keys.severeWeatherEntryGsi1(date, studentId, registrationId)
        : {}),
    })),
  ]);
}

const queryDayItems = (store: Store, studentId: string, from: IsoDate, to: IsoDate) =>
  queryAll(store, byPartition('table', keys.studentPk(studentId), keys.daySummaryRange(from, to)));

/** A student's days from `from` to `to` inclusive, oldest first, with totals derived. */
export async function listDaySummaries(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<StoredDay[]> {
  return toStoredDays(await queryDayItems(store, studentId, from, to));
}

/** A student's day entries from `from` to `to` inclusive, tombstones included. */
export async function listDayEntries(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<PlacedEntry[]> {
  return (await queryDayItems(store, studentId, from, to)).map(toPlacedEntry);
}

/** The live severe-weather entries of a date (sparse index), any student. */
export async function listSevereWeatherEntries(store: Store, date: IsoDate): Promise<PlacedEntry[]> {
  return (await queryAll(store, byPartition('gsi1', keys.severeWeatherPk(date)))).map(toPlacedEntry);
}

/** Every item key in a student's partition (profile, day entries, signal state), for retention rewrites. */
export async function listStudentPartitionKeys(store: Store, studentId: string): Promise<keys.PrimaryKey[]> {
  const items = await queryAll(store, {
    ...byPartition('table', keys.studentPk(studentId)),
    ProjectionExpression: 'pk, sk',
  });
  return items.map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
}
