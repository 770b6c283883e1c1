import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegistrationData } from '../../shared/contract/events';
import { summarizeDay } from '../../shared/policy';
import type { Classification, DaySummary, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGet, batchPut, byPartition, type Item, keyId, queryAll } from './dynamo';
import { isConditionFailed } from './errors';
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

/** A stored day: the derived totals, the live entries behind them, and the dirty stamp. */
export interface StoredDay {
  studentId: string;
  date: IsoDate;
  summary: DaySummary;
  registrations: LiveDayEntry[];
  /** Increments with every change; pass it to `clearDirty`. */
  dirtyVersion: number;
  dirty: boolean;
}

/** A day as ingestion rewrites it: every entry, tombstones included. */
export interface DayRecord {
  studentId: string;
  date: IsoDate;
  entries: Map<string, DayEntry>;
  dirtyVersion: number;
  expiresAt: number;
}

const dateOf = (item: Item): IsoDate => (item.sk as string).slice(keys.DAY_PREFIX.length);

function entriesOf(item: Item): Map<string, DayEntry> {
  const entries = new Map<string, DayEntry>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(keys.DAY_ENTRY_PREFIX))
      entries.set(name.slice(keys.DAY_ENTRY_PREFIX.length), value as DayEntry);
  }
  return entries;
}

export function toStoredDay(item: Item): StoredDay {
  const date = dateOf(item);
  const registrations: LiveDayEntry[] = [];
  for (const [registrationId, entry] of entriesOf(item)) {
    if (!entry.deleted) registrations.push({ ...entry, registrationId });
  }
  registrations.sort(
    (a, b) => a.start.localeCompare(b.start) || a.registrationId.localeCompare(b.registrationId),
  );
  return {
    studentId: item.studentId as string,
    date,
    summary: summarizeDay(date, registrations),
    registrations,
    dirtyVersion: (item.dirtyVersion as number | undefined) ?? 0,
    dirty: item.gsi2pk !== undefined,
  };
}

const toDayRecord = (item: Item): DayRecord => ({
  studentId: item.studentId as string,
  date: dateOf(item),
  entries: entriesOf(item),
  dirtyVersion: (item.dirtyVersion as number | undefined) ?? 0,
  expiresAt: item.expiresAt as number,
});

export const dayId = (studentId: string, date: IsoDate): string => keyId(keys.daySummaryKey(studentId, date));

/** The stored days among `days`, by `dayId`. */
export async function getDayRecords(
  store: Store,
  days: ReadonlyArray<{ studentId: string; date: IsoDate }>,
): Promise<Map<string, DayRecord>> {
  const found = await batchGet(
    store,
    days.map((d) => keys.daySummaryKey(d.studentId, d.date)),
  );
  return new Map(
    [...found.values()].map((item) => [keyId(item as unknown as keys.PrimaryKey), toDayRecord(item)]),
  );
}

/**
 * Writes days whole, each marked dirty for the nightly run, with BatchWriteItem. Only under
 * the ingestion lease (ingest-lease.ts): a whole-item write replaces what another writer
 * added. The nightly run's `clearDirty` is safe beside it: it only removes a marker whose
 * `dirtyVersion` is unchanged, and every write here moves it on.
 */
export async function putDayRecords(store: Store, days: readonly DayRecord[]): Promise<void> {
  await batchPut(
    store,
    days.map((day) => {
      const item: Item = {
        ...keys.daySummaryKey(day.studentId, day.date),
        ...keys.dirtyGsi2(day.studentId, day.date),
        type: 'day',
        studentId: day.studentId,
        date: day.date,
        dirtyVersion: day.dirtyVersion,
        expiresAt: day.expiresAt,
      };
      let severeWeather = false;
      for (const [registrationId, entry] of day.entries) {
        item[keys.dayEntryAttribute(registrationId)] = entry;
        if (!entry.deleted && entry.reason === 'severe_weather') severeWeather = true;
      }
      return severeWeather ? { ...item, ...keys.severeWeatherDayGsi1(day.date, day.studentId) } : item;
    }),
  );
}

/** A student's days from `from` to `to` inclusive with every entry, tombstones included. */
export async function listDayRecords(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<DayRecord[]> {
  const range = keys.daySummaryRange(from, to);
  return (await queryAll(store, byPartition('table', keys.studentPk(studentId), range))).map(toDayRecord);
}

/** The days of a date that hold a live severe-weather entry (sparse index), any student. */
export async function listSevereWeatherDays(store: Store, date: IsoDate): Promise<DayRecord[]> {
  return (await queryAll(store, byPartition('gsi1', keys.severeWeatherPk(date)))).map(toDayRecord);
}

/** A student's days from `from` to `to` inclusive, oldest first, with totals derived. */
export async function listDaySummaries(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<StoredDay[]> {
  const range = keys.daySummaryRange(from, to);
  const items = await queryAll(store, byPartition('table', keys.studentPk(studentId), range));
  return items.map(toStoredDay);
}

/** Every item key in a student's partition (profile, days, signal state), for retention rewrites. */
export async function listStudentPartitionKeys(store: Store, studentId: string): Promise<keys.PrimaryKey[]> {
  const items = await queryAll(store, {
    ...byPartition('table', keys.studentPk(studentId)),
    ProjectionExpression: 'pk, sk',
  });
  return items.map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
}

export interface DirtyMark {
  studentId: string;
  date: IsoDate;
  dirtyVersion: number;
}

/** Days changed since their marker was last cleared, over all shards. */
export async function listDirtyDays(store: Store): Promise<DirtyMark[]> {
  const pages = await Promise.all(
    keys.allShards().map((shard) =>
      queryAll(store, {
        ...byPartition('gsi2', keys.dirtyPk(shard)),
        ProjectionExpression: 'studentId, #date, dirtyVersion',
        ExpressionAttributeNames: { '#pk': 'gsi2pk', '#date': 'date' },
      }),
    ),
  );
  return pages.flat().map((i) => ({
    studentId: i.studentId as string,
    date: i.date as string,
    dirtyVersion: (i.dirtyVersion as number | undefined) ?? 0,
  }));
}

/** The distinct students with at least one dirty day. */
export async function listDirtyStudents(store: Store): Promise<string[]> {
  return [...new Set((await listDirtyDays(store)).map((m) => m.studentId))].sort();
}

/**
 * Clears a day's dirty marker if nothing changed since it was read (`dirtyVersion`), so a
 * change that lands during the nightly run keeps its marker. Returns whether it cleared.
 */
export async function clearDirty(store: Store, mark: DirtyMark): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.daySummaryKey(mark.studentId, mark.date),
        UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
        ConditionExpression: 'dirtyVersion = :v',
        ExpressionAttributeValues: { ':v': mark.dirtyVersion },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
}
