import { changesToSettle, listDirtyDays } from '../../store/change-log';
import { listOpenWindowMarkers, listRecheckMarkers, type NightMarkers } from '../../store/night-markers';
import { listNightlyFailures } from '../../store/nightly-failures';
import { latestPlan, putPlan, type ShardStudent } from '../../store/nightly-runs';
import { listOpenWindowStudents, listRecheckStudents } from '../../store/signal-state-repository';
import type { NightlyDeps } from './ports';

/** One run of the nightly job for a date: run 1, 2, ... (a new plan after a finished one). */
export interface NightRef {
  asOf: string;
  run: number;
}

/** A planned run: its shards (numbers), the students it evaluates, and whether it resumes an unfinished plan. */
export interface NightPlan extends NightRef {
  shards: number[];
  candidates: number;
  resumed: boolean;
}

/** Students a shard evaluates, unless their changed days make its item too big first. */
export const DEFAULT_SHARD_SIZE = 500;
/** Bytes of JSON a shard's or a settle chunk's list may take: half of DynamoDB's 400 KB item limit. */
const ITEM_BUDGET = 200_000;

/** Another planner stored this run between our read and our write: plan again (it is then resumed). */
export class NightPlanRace extends Error {
  override readonly name = 'NightPlanRace';
  constructor(
    readonly asOf: string,
    readonly run: number,
  ) {
    super(`Run ${run} of ${asOf} was planned by another planner at the same time`);
  }
}

/**
 * The first step of a nightly run: who is evaluated, in which shard. An unfinished plan of the date
 * (a run that crashed, or whose finish step has not run) is resumed as it is: its done shards are
 * skipped, the others redone. Otherwise a new run is planned from the change log (days up to `asOf`),
 * the open-window and recheck indexes and the failure records, in student order, so the same store
 * gives the same shards. A date without candidates still gets a run (no shards): its finish step
 * reminds, proposes, snapshots the KPI and mails as every night.
 */
export async function planNight(
  deps: NightlyDeps,
  asOf: string,
  options: { shardSize?: number } = {},
): Promise<NightPlan> {
  // Beyond the calendar every day would count as one without school: refuse (DateOutsideCalendarError).
  deps.calendar.assertCovers(asOf);
  const previous = await latestPlan(deps.store, asOf);
  if (previous?.status === 'open') {
    const { run, shardCount, candidates } = previous;
    return { asOf, run, shards: range(shardCount), candidates, resumed: true };
  }
  // The markers (AP 75, 76), and the index keys of states saved before them (AP 30, 33: each
  // such state loses them at its next save; docs/data-model.md says how long they last).
  const [dirty, openWindow, recheck, openMarkers, recheckMarkers, failures] = await Promise.all([
    listDirtyDays(deps.store),
    listOpenWindowStudents(deps.store),
    listRecheckStudents(deps.store, asOf),
    listOpenWindowMarkers(deps.store),
    listRecheckMarkers(deps.store),
    listNightlyFailures(deps.store),
  ]);
  const markers = new Map<string, NightMarkers>();
  const markersOf = (studentId: string) => {
    const found = markers.get(studentId) ?? { openWindow: false, recheckOn: [] };
    markers.set(studentId, found);
    return found;
  };
  for (const studentId of openMarkers) markersOf(studentId).openWindow = true;
  for (const { studentId, recheckOn } of recheckMarkers) markersOf(studentId).recheckOn.push(recheckOn);

  // Days after asOf stay dirty: a replay of an earlier date must not swallow tomorrow's changes.
  const owed = new Map<string, Set<string>>();
  const owe = (studentId: string, dates: readonly string[]) => {
    const set = owed.get(studentId) ?? new Set<string>();
    for (const date of dates) if (date <= asOf) set.add(date);
    owed.set(studentId, set);
  };
  for (const marker of dirty) if (marker.date <= asOf) owe(marker.studentId, [marker.date]);
  // A student an earlier run failed on: evaluated again, with the changed days it still owes.
  // Its record is cleared only by a run that covers every day it owes: a replay of an earlier date
  // keeps days only up to its date, so a later owed day must stay owed (functions/domain/kept-days.ts).
  const retried = new Set(failures.filter((f) => f.dates.every((d) => d <= asOf)).map((f) => f.studentId));
  for (const failure of failures) owe(failure.studentId, failure.dates);
  for (const studentId of [...openWindow, ...recheck, ...openMarkers]) owe(studentId, []);
  for (const { studentId, recheckOn } of recheckMarkers) if (recheckOn <= asOf) owe(studentId, []);

  const students: ShardStudent[] = [...owed.keys()].sort().map((studentId) => ({
    studentId,
    dates: [...(owed.get(studentId) ?? [])].sort(),
    ...(retried.has(studentId) ? { retried: true } : {}),
    // The shard then knows which markers exist without a read (absent: none).
    ...(markers.has(studentId) ? { markers: markers.get(studentId) } : {}),
  }));
  const shards = chunkBy(students, options.shardSize ?? DEFAULT_SHARD_SIZE);
  const settle = chunkBy(changesToSettle(dirty, asOf), Number.MAX_SAFE_INTEGER);
  const run = (previous?.run ?? 0) + 1;
  const plan = { asOf, run, shardCount: shards.length, candidates: students.length };
  if (!(await putPlan(deps.store, plan, shards, settle))) throw new NightPlanRace(asOf, run);
  (deps.log ?? (() => {}))('nightly run planned', { ...plan });
  return { asOf, run, shards: range(shards.length), candidates: students.length, resumed: false };
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Consecutive chunks of at most `size` entries and ITEM_BUDGET bytes of JSON each. */
function chunkBy<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const length = JSON.stringify(item).length + 1;
    if (current.length > 0 && (current.length >= size || bytes + length > ITEM_BUDGET)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
