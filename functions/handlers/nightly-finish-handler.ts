import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { withStoredSettings } from '../usecases/admin/school-settings';
import { type FinishedNight, finishNight } from '../usecases/nightly/finish-night';
import { NIGHTLY_STUDENT_FAILURES } from '../usecases/nightly/run-metrics';
import type { NightlyStepDeps } from '../wiring/nightly-steps';

/**
 * The night's last step, after every shard: reminders, cases, the KPI snapshot and the mails
 * recorded in the outbox, whose ids go to the mail queue (the mail sender sends them at the SES
 * rate). Throws the use case's "not ready" error while a shard is not done; the state machine
 * retries it.
 */

const { logger, metrics, middleware } = observability('nightly-finish');

export const nightlyFinishLogger = logger;

const NightRef = z.object({ asOf: z.iso.date(), run: z.number().int().nonnegative() });

export class NotANightRef extends Error {
  override name = 'NotANightRef';
}

/** What the finish step returns: the night's counts and how many mails it handed to the sender. */
export type FinishOutcome = Omit<FinishedNight, 'mailIds'> & { mailsToSend: number };

export function createNightlyFinishHandler(loadDeps: () => NightlyStepDeps | Promise<NightlyStepDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, FinishOutcome, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const ref = NightRef.safeParse(event);
      if (!ref.success) throw new NotANightRef(ref.error.message);
      const stepDeps = await deps();
      const { mailIds, ...night } = await finishNight(await withStoredSettings(stepDeps), ref.data);
      // Unsent mails of earlier nights too: a retry of this step queues them again, which sends nothing twice.
      await stepDeps.mailQueue.send(mailIds, { asOf: night.asOf });
      // Sends are counted by the mail sender (functions/handlers/mail-sender-handler.ts).
      metrics.addMetric(NIGHTLY_STUDENT_FAILURES, 'Count', night.failedStudents);
      const outcome = { ...night, mailsToSend: mailIds.length };
      logger.info('nightly run done', { ...outcome });
      return outcome;
    });
}
