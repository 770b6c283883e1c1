import { SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import { commonEnv } from '../config';
import type { Outbox } from '../mail/outbox';
import { createOutbox } from '../mail/outbox';
import { countingRefusals } from '../mail/refusal-metric';
import { createSesMailer, type Mailer } from '../mail/ses-mailer';
import { documentClient, type Store } from '../store/client';
import type { MetricsPort } from '../usecases/nightly/calendar-guard';
import type { TaskMailDeps } from '../usecases/tasks/task-mails';

/** The task mailer's environment (infra/stacks/app-stack.ts sets it). */
export const taskMailerEnv = commonEnv.extend({
  MAIL_FROM: z.string().min(3, 'MAIL_FROM is required (the sender address)'),
  SES_CONFIGURATION_SET: z.string().optional(),
  SES_MAX_PER_SECOND: z.coerce.number().positive().default(14),
  DASHBOARD_URL: z.url('DASHBOARD_URL must be the dashboard base URL'),
});
export type TaskMailerEnv = z.infer<typeof taskMailerEnv>;

export interface TaskMailerOverrides {
  store?: Store;
  /** The SES client (a local endpoint); one with the SDK's defaults otherwise. */
  ses?: SESv2Client;
  /** Where the mailer counts SES's refusals (MAIL_REFUSED); the handler's Powertools metrics. */
  metrics?: MetricsPort;
}

export type TaskMailerDeps = TaskMailDeps & { outbox: Outbox };

/** The table and the outbox sending through SES: the same outbox the nightly run flushes. */
export function createTaskMailerDeps(
  env: TaskMailerEnv,
  overrides: TaskMailerOverrides = {},
): TaskMailerDeps {
  const store = overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME };
  const ses: Mailer = createSesMailer({
    client: overrides.ses ?? new SESv2Client({}),
    from: env.MAIL_FROM,
    configurationSet: env.SES_CONFIGURATION_SET,
    maxPerSecond: env.SES_MAX_PER_SECOND,
  });
  const mailer = overrides.metrics ? countingRefusals(ses, overrides.metrics) : ses;
  return { store, outbox: createOutbox({ store, mailer }), dashboardUrl: env.DASHBOARD_URL };
}
