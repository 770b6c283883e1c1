import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { summarizeDay } from '../../shared/policy';
import type { Classification, DaySummary, IsoDate, RegistrationStatus } from '../../shared/policy/types';
import type { Store } from './client';
import { byPartition, type Item, queryAll } from './dynamo';
import { isConditionFailed, StaleWriteError } from './errors';
import * as keys from './keys';

/** One registration's contribution to a day: its latest revision, or a tombstone. */
export type DayEntry =
  | {
      revision: number;
      deleted: false;
      status: RegistrationStatus;
      start: string;
      end: string;
      reason?: string;
      classification: Classification;
    }
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

export function toStoredDay(item: Item): StoredDay {
  const date = (item.sk as string).slice(keys.DAY_PREFIX.length);
  const registrations: LiveDayEntry[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(keys.DAY_ENTRY_PREFIX)) continue;
    const entry = value as DayEntry;
    if (!entry.deleted)
      registrations.push({ ...entry, registrationId: name.slice(keys.DAY_ENTRY_PREFIX.length) });
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

/** At most this many entries per UpdateItem, well inside the 4 KB expression limit. */
export const MAX_ENTRIES_PER_WRITE = 10;

/**
 * Sets one registration's entry in a student's day, unless a later revision is stored there:
 * then StaleWriteError. Same revision passes (the retry of this write), except an upsert
 * over a tombstone of the same revision (a deletion wins a tie). Marks the day dirty.
 */
export async function writeDayEntry(
  store: Store,
  input: { studentId: string; date: IsoDate; registrationId: string; entry: DayEntry; expiresAt: number },
): Promise<void> {
  await writeDayEntries(store, {
    studentId: input.studentId,
    date: input.date,
    entries: [{ registrationId: input.registrationId, entry: input.entry }],
    expiresAt: input.expiresAt,
  });
}

/**
 * Several entries of one day in one write (up to MAX_ENTRIES_PER_WRITE): all or nothing.
 * If any entry is beaten by a stored later revision, nothing is written and StaleWriteError
 * is thrown; the caller then writes the entries one by one to learn which.
 */
export async function writeDayEntries(
  store: Store,
  input: {
    studentId: string;
    date: IsoDate;
    entries: ReadonlyArray<{ registrationId: string; entry: DayEntry }>;
    expiresAt: number;
  },
): Promise<void> {
  const names: Record<string, string> = { '#type': 'type', '#date': 'date' };
  const marker = keys.dirtyGsi2(input.studentId, input.date);
  const values: Record<string, unknown> = {
    ':type': 'day',
    ':sid': input.studentId,
    ':date': input.date,
    ':exp': input.expiresAt,
    ':one': 1,
    ':dpk': marker.gsi2pk,
    ':dsk': marker.gsi2sk,
  };
  const sets: string[] = [];
  const conditions: string[] = [];
  input.entries.forEach(({ registrationId, entry }, i) => {
    names[`#e${i}`] = keys.dayEntryAttribute(registrationId);
    values[`:e${i}`] = entry;
    values[`:r${i}`] = entry.revision;
    sets.push(`#e${i} = :e${i}`);
    if (entry.deleted) conditions.push(`(attribute_not_exists(#e${i}) OR #e${i}.revision <= :r${i})`);
    else {
      values[':false'] = false;
      conditions.push(
        `(attribute_not_exists(#e${i}) OR #e${i}.revision < :r${i} OR (#e${i}.revision = :r${i} AND #e${i}.deleted = :false))`,
      );
    }
  });
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.daySummaryKey(input.studentId, input.date),
        UpdateExpression: `SET ${sets.join(', ')}, #type = :type, studentId = :sid, #date = :date, expiresAt = :exp, gsi2pk = :dpk, gsi2sk = :dsk ADD dirtyVersion :one`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  } catch (error) {
    if (isConditionFailed(error))
      throw new StaleWriteError(`an entry of ${input.studentId} on ${input.date}`);
    throw error;
  }
}

/**
 * Replaces the classification of a live entry at exactly `revision` (after a portal notice).
 * Returns false when the entry moved on meanwhile (a correction wins; nothing to do).
 */
export async function reclassifyDayEntry(
  store: Store,
  input: {
    studentId: string;
    date: IsoDate;
    registrationId: string;
    revision: number;
    classification: Classification;
  },
): Promise<boolean> {
  const marker = keys.dirtyGsi2(input.studentId, input.date);
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.daySummaryKey(input.studentId, input.date),
        UpdateExpression: 'SET #e.classification = :c, gsi2pk = :dpk, gsi2sk = :dsk ADD dirtyVersion :one',
        ConditionExpression: '#e.revision = :rev AND #e.deleted = :false',
        ExpressionAttributeNames: { '#e': keys.dayEntryAttribute(input.registrationId) },
        ExpressionAttributeValues: {
          ':c': input.classification,
          ':rev': input.revision,
          ':false': false,
          ':one': 1,
          ':dpk': marker.gsi2pk,
          ':dsk': marker.gsi2sk,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailed(error)) return false;
    throw error;
  }
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
