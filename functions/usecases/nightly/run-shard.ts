import { mapLimit } from '../../store/dynamo';
import { clearNightlyFailure, recordNightlyFailure } from '../../store/nightly-failures';
import {
  getShard,
  markShardDone,
  putDrafts,
  type ShardCounts,
  type ShardStudent,
} from '../../store/nightly-runs';
import { loadStudentsAndSignals } from '../../store/signal-state-repository';
import { evaluateOne } from './evaluate-student';
import type { MailDraft, Superseding } from './mail-batch';
import type { NightRef } from './plan-night';
import type { NightlyDeps } from './ports';

/** Students whose profile and signal state are read together (50 a BatchGet request). */
const PREFETCH = 100;

/** What one shard of a run did (stored on its item; summed by the finish step). */
export interface ShardOutcome extends ShardCounts {
  asOf: string;
  run: number;
  shard: number;
  /** The shard was done before (a retry or a duplicate execution): its stored outcome. */
  alreadyDone: boolean;
}

/** A shard the plan of this run does not have (a wrong reference, or a plan that expired). */
export class NightShardNotFound extends Error {
  override readonly name = 'NightShardNotFound';
  constructor(
    readonly asOf: string,
    readonly run: number,
    readonly shard: number,
  ) {
    super(`Shard ${shard} of run ${run} of ${asOf} is not planned`);
  }
}

/**
 * Evaluates the students of one shard. Each student's mail drafts are stored (per run and student)
 * before its signal state is saved, so whatever happens next, the finish step mails them: a shard
 * that crashes midway and is retried finds the students it saved with nothing new to say, and
 * the others with the same drafts as before (the same item, overwritten). The mails themselves
 * are made by the finish step from all shards' drafts: one per reader and kind for the whole run.
 */
export async function runShard(deps: NightlyDeps, ref: NightRef, shard: number): Promise<ShardOutcome> {
  const { asOf, run } = ref;
  const stored = await getShard(deps.store, asOf, run, shard);
  if (!stored) throw new NightShardNotFound(asOf, run, shard);
  if (stored.status === 'done' && stored.counts)
    return { asOf, run, shard, ...stored.counts, alreadyDone: true };

  const log = deps.log ?? (() => {});
  const directory = await deps.loadDirectory();
  const counts: ShardCounts = { evaluated: 0, signals: 0, withdrawn: 0, failedStudents: 0 };
  /**
   * One student's failure stops only that student: the change log is settled for everyone, so what
   * the student still owes (its changed days) goes into its failure record for the next run.
   */
  const failed = async ({ studentId, dates }: ShardStudent, error: unknown) => {
    counts.failedStudents++;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    (deps.logError ?? log)('nightly evaluation of a student failed', { studentId, asOf, error: reason });
    await recordNightlyFailure(deps.store, { studentId, asOf, dates, error: reason });
  };

  for (let i = 0; i < stored.students.length; i += PREFETCH) {
    const chunk = stored.students.slice(i, i + PREFETCH);
    // Profiles and signal states of a chunk in two requests; each student's days in one more.
    const known = await loadStudentsAndSignals(
      deps.store,
      chunk.map((s) => s.studentId),
    );
    await mapLimit(chunk, deps.concurrency ?? 16, async (entry) => {
      const { studentId } = entry;
      const markers = entry.dates.map((date) => ({ studentId, date, changeId: '' }));
      let outcome: Awaited<ReturnType<typeof evaluateOne>>;
      try {
        outcome = await evaluateOne(
          deps,
          directory,
          studentId,
          asOf,
          markers,
          known.get(studentId),
          entry.markers,
        );
      } catch (error) {
        // Its drafts and events are dropped with it: the retry finds the same signals again.
        return failed(entry, error);
      }
      if (outcome.found) counts.evaluated++;
      counts.signals += outcome.signals;
      counts.withdrawn += outcome.withdrawn;
      // Not caught: without its drafts stored the student's state must not be saved; the shard is retried.
      if (outcome.drafts.length > 0 || outcome.reports.length > 0)
        await putDrafts<MailDraft, Superseding>(
          deps.store,
          { asOf, run, shard, studentId },
          { drafts: outcome.drafts, reports: outcome.reports },
        );
      if (outcome.found) {
        try {
          await outcome.save();
        } catch (error) {
          // Its drafts are stored: the retry finds the same signals and records no mail twice.
          return failed(entry, error);
        }
      }
      if (entry.retried) await clearNightlyFailure(deps.store, studentId);
    });
  }
  if (!(await markShardDone(deps.store, asOf, run, shard, counts))) {
    // A duplicate execution finished first: its counts stand (the work was the same, and idempotent).
    const done = await getShard(deps.store, asOf, run, shard);
    return { asOf, run, shard, ...(done?.counts ?? counts), alreadyDone: true };
  }
  log('nightly shard done', { asOf, run, shard, ...counts });
  return { asOf, run, shard, ...counts, alreadyDone: false };
}
