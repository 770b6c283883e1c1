/**
 * The local stand-in for the nightly state machine (infra/constructs/nightly-run.ts) and the mail
 * queue's event source: the same handlers, invoked in-process in the order Step Functions and SQS
 * invoke them in AWS. Plan; each shard (a few at once, as the Distributed Map); finish; then the
 * mail queue drained through the mail sender in SQS's event shape. What it returns is what the
 * single nightly handler returned before: the night's counts, the mails sent, the calendar.
 */

import type { MailSenderResponse } from '../../functions/handlers/mail-sender-handler';
import type { FinishOutcome } from '../../functions/handlers/nightly-finish-handler';
import type { PlannedNight } from '../../functions/handlers/nightly-plan-handler';
import { type LocalMailQueue, processLocalMailQueue } from '../../functions/mail/local-mail-queue';
import type { FlushResult } from '../../functions/mail/outbox';
import { mapLimit } from '../../functions/store/dynamo';
import type { SkippedNightly } from '../../functions/usecases/nightly/calendar-guard';
import type { NightlyResult } from '../../functions/usecases/nightly/run-nightly';
import type { CalendarHorizon } from '../../shared/calendar';

/** The handlers the night needs, by their file names in functions/handlers. */
export const NIGHT_HANDLERS = ['nightly-plan', 'nightly-shard', 'nightly-finish', 'mail-sender'] as const;
export type NightHandler = (typeof NIGHT_HANDLERS)[number];

export type InvokeNightHandler = (name: NightHandler, event: unknown) => Promise<unknown>;

export type DrivenNight = (NightlyResult & { calendar: CalendarHorizon }) | SkippedNightly;

export interface NightDriverOptions {
  queue?: LocalMailQueue;
  /** Shards at once (the Distributed Map's max concurrency); small, as the machine is shared. */
  concurrency?: number;
  log?: (line: string) => void;
}

/** SQS hands the sender up to this many messages at once (the event source's batch size). */
const SQS_BATCH_SIZE = 10;

/** Runs one night, `{}` (yesterday) or `{ date }`, and returns when its mails are sent. */
export async function driveNight(
  invoke: InvokeNightHandler,
  input: unknown,
  options: NightDriverOptions = {},
): Promise<DrivenNight> {
  const plan = (await invoke('nightly-plan', input)) as PlannedNight;
  if ('skipped' in plan) {
    const { shards: _none, ...skipped } = plan;
    return skipped;
  }
  const { asOf, run, calendar } = plan;
  await mapLimit(plan.shards, options.concurrency ?? 2, (shard) =>
    invoke('nightly-shard', { asOf, run, shard }),
  );
  const finished = (await invoke('nightly-finish', { asOf, run })) as FinishOutcome;
  const flush = await drainMailQueue(invoke, options.queue ?? processLocalMailQueue(), options.log);
  const { run: _run, mailsToSend: _queued, ...night } = finished;
  return { ...night, flush, calendar };
}

/**
 * Hands every waiting message to the mail sender once, ten at a time. A message it reports as
 * failed waits for the next drain (as SQS makes it visible again later), and is dropped after
 * the queue's receives, as SQS moves it to the dead-letter queue.
 */
export async function drainMailQueue(
  invoke: InvokeNightHandler,
  queue: LocalMailQueue,
  log: (line: string) => void = () => {},
): Promise<FlushResult> {
  const total: FlushResult = { sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 };
  for (let left = queue.size(); left > 0; ) {
    const event = queue.receive(Math.min(SQS_BATCH_SIZE, left));
    left -= event.Records.length;
    let failedIds: Set<string>;
    try {
      const response = (await invoke('mail-sender', event)) as MailSenderResponse;
      for (const key of Object.keys(total) as (keyof FlushResult)[]) total[key] += response.flush[key];
      failedIds = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    } catch {
      // The whole batch failed, as a Lambda error does: every message is delivered again.
      failedIds = new Set(event.Records.map((r) => r.messageId));
    }
    const dropped = queue.giveBack(event.Records.filter((r) => failedIds.has(r.messageId)));
    for (const message of dropped)
      log(`mail ${message.mailId} not sent after its receives; it stays in the outbox for the next night`);
  }
  return total;
}
