import { deleteChanges } from '../../store/change-log';
import { eventOutboxItem } from '../../store/event-outbox';
import { getPlan, listDrafts, listSettleIds, listShards, markPlanFinished } from '../../store/nightly-runs';
import { listUnsentMails } from '../../store/outbox-repository';
import { outboxEventOf, publishOutbox } from '../effects/commit';
import { proposeEndDates, remindDeadlines } from './duo-deadlines';
import { snapshotKpi } from './kpi-snapshot';
import { batchMails, type MailDraft, type Superseding } from './mail-batch';
import { createOutflowCases } from './outflow-cases';
import type { NightRef } from './plan-night';
import type { NightlyDeps } from './ports';
import { createReminders } from './reminders';
import type { NightlyResult } from './run-nightly';
import { createEightHourLists } from './signal8-list';
import { remindDueSteps } from './step-reminders';

/** The run's result without the mail flush (the mail queue sends), and the unsent mails for it. */
export type FinishedNight = Omit<NightlyResult, 'flush'> & { run: number; mailIds: string[] };

/** The finish step was called for a run that is not planned. */
export class NightNotPlanned extends Error {
  override readonly name = 'NightNotPlanned';
  constructor(
    readonly asOf: string,
    readonly run: number,
  ) {
    super(`Run ${run} of ${asOf} is not planned`);
  }
}

/** The finish step was called while shards of the run are not done: it would mail and settle too early. */
export class NightNotReady extends Error {
  override readonly name = 'NightNotReady';
  constructor(
    readonly asOf: string,
    readonly run: number,
    readonly pendingShards: number[],
  ) {
    super(
      `Run ${run} of ${asOf} has ${pendingShards.length} shard(s) not done: ${pendingShards.slice(0, 10).join(', ')}`,
    );
  }
}

/**
 * The last step of a nightly run, once every shard is done: the night's own work (reminders, steps
 * due, DUO terms, outflow cases, the 8-hour lists), then the mails of all shards' stored drafts and
 * this step's together, one per reader and kind, recorded in the outbox with the events they tell.
 * Only after that are the steps marked reminded, the change log settled, the leavers swept and the
 * KPI snapshot taken. Every write is deterministic or conditional, so a retry after a crash anywhere
 * records nothing twice. Sending is the outbox's (flush, or the mail queue with `mailIds`).
 */
export async function finishNight(deps: NightlyDeps, ref: NightRef): Promise<FinishedNight> {
  const { asOf, run } = ref;
  const plan = await getPlan(deps.store, asOf, run);
  if (!plan) throw new NightNotPlanned(asOf, run);
  const shards = await listShards(deps.store, asOf, run);
  const done = new Set(shards.filter((s) => s.status === 'done').map((s) => s.shard));
  const pending = Array.from({ length: plan.shardCount }, (_, i) => i).filter((i) => !done.has(i));
  if (pending.length > 0) throw new NightNotReady(asOf, run, pending);

  const result: FinishedNight = {
    asOf,
    run,
    candidates: plan.candidates,
    evaluated: 0,
    signals: 0,
    withdrawn: 0,
    reminders: 0,
    stepReminders: 0,
    deadlineReminders: 0,
    endDatesProposed: 0,
    outflowCases: 0,
    eightHourLists: 0,
    kpiUnits: 0,
    mailsQueued: 0,
    failedStudents: 0,
    eventsPublished: 0,
    mailIds: [],
  };
  for (const { counts } of shards) {
    result.evaluated += counts?.evaluated ?? 0;
    result.signals += counts?.signals ?? 0;
    result.withdrawn += counts?.withdrawn ?? 0;
    result.failedStudents += counts?.failedStudents ?? 0;
  }

  const directory = await deps.loadDirectory();
  const drafts: MailDraft[] = [];
  const reports: Superseding[] = [];
  for (let shard = 0; shard < plan.shardCount; shard++) {
    for (const stored of await listDrafts<MailDraft, Superseding>(deps.store, asOf, run, shard)) {
      drafts.push(...stored.drafts);
      reports.push(...stored.reports);
    }
  }

  result.reminders = await createReminders(deps, directory, asOf, drafts);
  const steps = await remindDueSteps(deps, directory, asOf, drafts);
  result.stepReminders = steps.reminded;
  // After the students' reports are made, so a report due tomorrow is reminded of tonight.
  result.deadlineReminders = await remindDeadlines(deps, directory, asOf);
  result.endDatesProposed = await proposeEndDates(deps, asOf);
  const outflow = await createOutflowCases(deps, directory, asOf, drafts);
  result.outflowCases = outflow.created;
  result.eightHourLists = await createEightHourLists(deps, directory, asOf, drafts, reports);

  for (const batch of batchMails(drafts, reports, asOf)) {
    // The signals a mail tells (`signal.sent`) go into the event outbox with the mail.
    const told = batch.events.map((event) =>
      eventOutboxItem(deps.store, { ...outboxEventOf(event), at: new Date().toISOString() }),
    );
    if (!(await deps.outbox.enqueue(batch.request, told))) continue;
    result.mailsQueued++;
  }
  // Only now that the mails are recorded: a crash before this finds the same steps due again.
  await steps.save();
  // Settled only once every student's effects are stored: a crash before this re-evaluates, harmlessly.
  await deleteChanges(deps.store, await listSettleIds(deps.store, asOf, run));
  await outflow.finish();
  result.kpiUnits = await snapshotKpi(deps, directory, asOf);
  // This run's events, and any an earlier run or a dashboard action stored but did not publish.
  result.eventsPublished = await publishOutbox(deps.store, deps.bus);
  await markPlanFinished(deps.store, asOf, run, new Date().toISOString());
  // Every unsent mail, this run's and any an earlier run could not send: the mail queue's work.
  result.mailIds = (await listUnsentMails(deps.store)).map((mail) => mail.id);
  return result;
}
