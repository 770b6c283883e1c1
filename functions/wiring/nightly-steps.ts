import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { processLocalMailQueue } from '../mail/local-mail-queue';
import type { MailQueue } from '../mail/mail-queue';
import { createSqsMailQueue } from '../mail/sqs-mail-queue';
import type { NightlyDeps } from '../usecases/nightly/ports';
import { createNightlyDeps, type NightlyOverrides, nightlyEnv } from './nightly';

/** The environment of the night's steps (plan, shard, finish): the nightly one and the mail queue. */
export const nightlyStepsEnv = nightlyEnv.extend({
  /** The SQS mail queue; absent locally, where this process's in-process queue stands in. */
  MAIL_QUEUE_URL: z.string().optional(),
});
export type NightlyStepsEnv = z.infer<typeof nightlyStepsEnv>;

/** The night's dependencies and where its finish step queues the mails for the sender. */
export type NightlyStepDeps = NightlyDeps & { mailQueue: MailQueue };

/** SQS when a queue is configured, otherwise this process's local queue (the local driver drains it). */
export function mailQueueFor(queueUrl: string | undefined): MailQueue {
  return queueUrl ? createSqsMailQueue(new SQSClient({}), queueUrl) : processLocalMailQueue();
}

export function createNightlyStepDeps(
  env: NightlyStepsEnv,
  overrides: NightlyOverrides & { mailQueue?: MailQueue } = {},
): NightlyStepDeps {
  const { mailQueue, ...rest } = overrides;
  return { ...createNightlyDeps(env, rest), mailQueue: mailQueue ?? mailQueueFor(env.MAIL_QUEUE_URL) };
}
