import type { FlushResult } from '../../mail/outbox';
import { publishOutbox } from '../effects/commit';
import { finishNight } from './finish-night';
import { planNight } from './plan-night';
import type { NightlyDeps } from './ports';
import { runShard } from './run-shard';

export interface NightlyResult {
  asOf: string;
  candidates: number;
  evaluated: number;
  signals: number;
  withdrawn: number;
  reminders: number;
  /** Steps of cases that fell due and were reminded of (functions/usecases/nightly/step-reminders.ts). */
  stepReminders: number;
  /** "Melden ja": mails about a coach's or a DUO term that passes on the next working day. */
  deadlineReminders: number;
  /** DUO tasks that got "register the end date" (student back at school, or left). */
  endDatesProposed: number;
  outflowCases: number;
  /** The night's 8-hour lists on the officer's worklist (one per institution with signals). */
  eightHourLists: number;
  kpiUnits: number;
  mailsQueued: number;
  /** Students whose evaluation failed: recorded, and evaluated again by the next run. */
  failedStudents: number;
  /** Domain events published from the outbox at the end of the run. */
  eventsPublished: number;
  flush: FlushResult;
}

/**
 * The nightly run as of a date, in this process: plan, every shard, finish, then send (on AWS a
 * state machine runs the same steps as separate invocations, docs/architecture.md). Only students
 * with changed days (change log), an open window, or a held-back 16-hour report due by then
 * (recheck index) are read; everything is written with deterministic ids and conditional puts, so
 * running again for the same date changes nothing and sends nothing new.
 *
 * A run may see weeks at once (history loaded, nights missed, a late correction): every report is
 * still made, but each reader gets one mail per kind, listing everything of that kind with its
 * period, and an 8-hour signal that a report of the same run already covers is not mailed. Each
 * student's drafts are stored before its signal state is saved, and the finish step makes the
 * mails from all of them, so a retry of a shard or of the finish records the same mails, or none.
 */
export async function runNightly(
  deps: NightlyDeps,
  asOf: string,
  options: { shardSize?: number } = {},
): Promise<NightlyResult> {
  const plan = await planNight(deps, asOf, options);
  // One shard at a time: each already evaluates `deps.concurrency` students at once.
  for (const shard of plan.shards) await runShard(deps, plan, shard);
  const { run: _run, mailIds: _mailIds, ...finished } = await finishNight(deps, plan);
  const flush = await deps.outbox.flush({ asOf });
  // Events the sending itself raised (a mail given up becomes an administrator's task).
  const published = await publishOutbox(deps.store, deps.bus);
  const result: NightlyResult = { ...finished, eventsPublished: finished.eventsPublished + published, flush };
  (deps.log ?? (() => {}))('nightly run done', { ...result });
  return result;
}
