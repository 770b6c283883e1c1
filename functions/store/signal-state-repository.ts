import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DaySummary, initialSignalState, type StudentSignalState } from '../../shared/policy';
import type { DateRange, KeptDays } from '../domain/kept-days';
import type { Store } from './client';
import { toStoredDays } from './day-summaries';
import { batchGet, byPartition, putItem, queryAll } from './dynamo';
import { decodeKeptDays, encodeKeptDays } from './kept-days-encoding';
import {
  allShards,
  HIGH,
  INDEX,
  openWindowPk,
  recheckPk,
  signalStateKey,
  studentKey,
  studentPk,
} from './keys';
import { addMarkers, type NightMarkers, NO_MARKERS, removeMarkers } from './night-markers';
import { queryStudentDays } from './registrations';
import { type StudentRecord, toStudent } from './students';

/** A 16-hour report the nightly run keeps checking until the coach handles it or it is withdrawn. */
export interface WatchedReport {
  reportId: string;
  from: string;
  to: string;
  totalMinutes: number;
}

/** What the nightly run remembers per student, on the `STU#<id>` / `SIGNALS` item. */
export interface SignalStateRecord {
  state: StudentSignalState;
  watchedReports: WatchedReport[];
  evaluatedOn: string | null;
  /** A held-back 16-hour report is due on this date even without new data (see `recheckGsi2`). */
  recheckOn: string | null;
  /**
   * The student's day summaries over the lookback as of the last evaluation (functions/domain/
   * kept-days.ts): a night merges the changed days into them instead of reading every day.
   * Absent on a state saved before they were kept.
   */
  kept?: KeptDays;
  /**
   * As read: the markers (AP 75, 76) the stored state stands for. A state saved before the markers
   * (with the index keys of AP 30, 33 instead) stands for none.
   */
  markers?: NightMarkers;
}

export interface EvaluationInput {
  student: StudentRecord | undefined;
  days: DaySummary[];
  signals: SignalStateRecord;
}

const EMPTY: SignalStateRecord = {
  state: initialSignalState,
  watchedReports: [],
  evaluatedOn: null,
  recheckOn: null,
};

/** A student's profile and signal state: the part of the evaluation input that is not days. */
export type StudentAndSignals = Omit<EvaluationInput, 'days'>;

function toStudentAndSignals(studentId: string, items: Iterable<Record<string, unknown>>): StudentAndSignals {
  const result: StudentAndSignals = { student: undefined, signals: EMPTY };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === studentKey(studentId).sk) result.student = toStudent(item);
    else if (sk === signalStateKey(studentId).sk) {
      result.signals = {
        state: { ...initialSignalState, ...(item.state as Partial<StudentSignalState>) },
        watchedReports: (item.watchedReports as WatchedReport[] | undefined) ?? [],
        evaluatedOn: (item.evaluatedOn as string | undefined) ?? null,
        recheckOn: (item.recheckOn as string | undefined) ?? null,
      };
      // `windowOpen` is written with the markers: its absence marks a state saved before them.
      if (typeof item.windowOpen === 'boolean')
        result.signals.markers = {
          openWindow: item.windowOpen,
          recheckOn: result.signals.recheckOn ? [result.signals.recheckOn] : [],
        };
      const kept = decodeKeptDays(item);
      if (kept) result.signals.kept = kept;
    }
  }
  return result;
}

/**
 * Profiles and signal states of many students at once (BatchGet: 50 students a request),
 * eventually consistent: half the read units, and safe, because a read that misses a write of a
 * moment ago is one the run already handles. A state saved just before (a shard retried at once)
 * read as it was is a student whose save had not happened: the same signals are found again and
 * recorded under the same ids. A profile changed just before is a change after the read: the
 * student change names the days it reclassifies in the change log, for the next night.
 */
export async function loadStudentsAndSignals(
  store: Store,
  studentIds: readonly string[],
): Promise<Map<string, StudentAndSignals>> {
  const found = await batchGet(
    store,
    studentIds.flatMap((id) => [studentKey(id), signalStateKey(id)]),
    { consistent: false },
  );
  const byStudent = new Map<string, Record<string, unknown>[]>();
  for (const item of found.values()) {
    const id = String(item.pk).slice(studentPk('').length);
    byStudent.set(id, [...(byStudent.get(id) ?? []), item]);
  }
  return new Map(studentIds.map((id) => [id, toStudentAndSignals(id, byStudent.get(id) ?? [])]));
}

/** A student's profile and signal state: one query of the student's partition. */
export async function loadStudentAndSignals(store: Store, studentId: string): Promise<StudentAndSignals> {
  const items = await queryAll(
    store,
    byPartition('table', studentPk(studentId), {
      from: studentKey(studentId).sk,
      to: signalStateKey(studentId).sk,
    }),
  );
  return toStudentAndSignals(studentId, items);
}

/** A student's day summaries from a date on, oldest first (every day: the full read). */
export async function loadDaysFrom(store: Store, studentId: string, fromDate: string): Promise<DaySummary[]> {
  return toStoredDays(await queryStudentDays(store, studentId, fromDate, HIGH)).map((day) => day.summary);
}

/**
 * A student's day summaries within the given date ranges (one index query per range, in
 * parallel), oldest first: the days a night merges into the kept days.
 */
export async function loadDaysIn(
  store: Store,
  studentId: string,
  ranges: readonly DateRange[],
): Promise<DaySummary[]> {
  const items = await Promise.all(ranges.map((r) => queryStudentDays(store, studentId, r.from, r.to)));
  return toStoredDays(items.flat()).map((day) => day.summary);
}

/**
 * Everything the rules need about one student: the profile (`PROFILE`) and signal state
 * (`SIGNALS`) from the student's partition, unless already read with
 * `loadStudentsAndSignals`, and the classified registrations by day from the student index,
 * from the first day needed on.
 */
export async function loadEvaluationInput(
  store: Store,
  studentId: string,
  fromDate: string,
  known?: StudentAndSignals,
): Promise<EvaluationInput> {
  const [head, dayItems] = await Promise.all([
    known ?? loadStudentAndSignals(store, studentId),
    queryStudentDays(store, studentId, fromDate, HIGH),
  ]);
  return { ...head, days: toStoredDays(dayItems).map((day) => day.summary) };
}

/**
 * Stores the signal state (with the kept days, when given). While `openWindow`, the student has an
 * open-window marker (AP 75) and is evaluated nightly; with a `recheckOn` date, a recheck marker
 * (AP 76) until then. Markers are written only when they change: those the new state needs before
 * it is saved, those it no longer needs after. `previous` says which exist: `listed`, what the
 * night's plan found (exact: only this student's saves change them), else `stored`, what the state
 * read says; both are deleted when no longer needed, so one left by a crash goes too. The state
 * carries no index keys: one saved before the markers loses them here.
 * `expiresAt` is the student's (`studentItemExpiry` of the profile read with the state).
 */
export async function saveSignalState(
  store: Store,
  studentId: string,
  record: SignalStateRecord,
  openWindow: boolean,
  expiresAt: number,
  previous: { stored?: NightMarkers; listed?: NightMarkers } = {},
): Promise<void> {
  const { kept, markers: _read, ...rest } = record;
  const next: NightMarkers = { openWindow, recheckOn: record.recheckOn ? [record.recheckOn] : [] };
  const stored = previous.stored ?? NO_MARKERS;
  const listed = previous.listed ?? NO_MARKERS;
  await addMarkers(store, studentId, previous.listed ?? stored, next, expiresAt);
  await putItem(store, {
    ...signalStateKey(studentId),
    type: 'signals',
    studentId,
    ...rest,
    windowOpen: openWindow,
    ...(kept ? encodeKeptDays(kept) : {}),
    expiresAt,
  });
  const either: NightMarkers = {
    openWindow: stored.openWindow || listed.openWindow,
    recheckOn: [...new Set([...stored.recheckOn, ...listed.recheckOn])],
  };
  await removeMarkers(store, studentId, either, next);
}

async function queryShards(
  store: Store,
  index: string,
  attribute: string,
  pkOf: (shard: number) => string,
  /** Optional upper bound on the index's sort key. */
  sortUpTo?: { attribute: string; value: string },
) {
  const items: Record<string, unknown>[] = [];
  await Promise.all(
    allShards().map(async (shard) => {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await store.doc.send(
          new QueryCommand({
            TableName: store.tableName,
            IndexName: index,
            KeyConditionExpression: sortUpTo
              ? `${attribute} = :pk AND ${sortUpTo.attribute} <= :upTo`
              : `${attribute} = :pk`,
            ExpressionAttributeValues: {
              ':pk': pkOf(shard),
              ...(sortUpTo ? { ':upTo': sortUpTo.value } : {}),
            },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    }),
  );
  return items;
}

/** Students whose signal state, saved before AP 75, carries the open-window index key (AP 30). */
export async function listOpenWindowStudents(store: Store): Promise<string[]> {
  const items = await queryShards(store, INDEX.gsi1, 'gsi1pk', openWindowPk);
  return items.map((item) => String(item.studentId));
}

/** Students whose signal state, saved before AP 76, says a held-back report is due by `asOf` (AP 33). */
export async function listRecheckStudents(store: Store, asOf: string): Promise<string[]> {
  const items = await queryShards(store, INDEX.gsi2, 'gsi2pk', recheckPk, {
    attribute: 'gsi2sk',
    value: `${asOf}#${HIGH}`,
  });
  return items.map((item) => String(item.studentId));
}
