import { SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import { commonEnv } from '../config';
import { countingRefusals } from '../mail/refusal-metric';
import { createSesMailer, type Mailer } from '../mail/ses-mailer';
import { documentClient, type Store } from '../store/client';
import type { MailSenderDeps } from '../usecases/mail/send-queued';
import type { MetricsPort } from '../usecases/nightly/calendar-guard';

/** The mail sender's environment (infra/constructs/mail-queue.ts sets it). */
export const mailSenderEnv = commonEnv.extend({
  MAIL_FROM: z.string().min(3, 'MAIL_FROM is required (the sender address)'),
  SES_CONFIGURATION_SET: z.string().optional(),
  /** The SES account's sending rate (sandbox 1, production 14 or what AWS granted). */
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().optional(),
  /** Locally (and before MAIL_RATE_PER_SECOND): the rate of one sender. */
  SES_MAX_PER_SECOND: z.coerce.number().positive().default(14),
  /** Senders at once (the event source mapping's maximum concurrency): each takes its share of the rate. */
  MAIL_SENDERS: z.coerce.number().int().positive().default(1),
});
export type MailSenderEnv = z.infer<typeof mailSenderEnv>;

export interface MailSenderOverrides {
  store?: Store;
  ses?: SESv2Client;
  wrapMailer?: (mailer: Mailer) => Mailer;
  /** Where the mailer counts SES's refusals (MAIL_REFUSED); the handler's Powertools metrics. */
  metrics?: MetricsPort;
}

/** Each sender paces to its share of the account rate, so together they stay below it. */
export const senderRate = (env: MailSenderEnv): number =>
  (env.MAIL_RATE_PER_SECOND ?? env.SES_MAX_PER_SECOND) / env.MAIL_SENDERS;

export function createMailSenderDeps(
  env: MailSenderEnv,
  overrides: MailSenderOverrides = {},
): MailSenderDeps {
  const sesMailer = createSesMailer({
    client: overrides.ses ?? new SESv2Client({}),
    from: env.MAIL_FROM,
    configurationSet: env.SES_CONFIGURATION_SET,
    maxPerSecond: senderRate(env),
  });
  const ses = overrides.metrics ? countingRefusals(sesMailer, overrides.metrics) : sesMailer;
  return {
    store: overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME },
    mailer: overrides.wrapMailer ? overrides.wrapMailer(ses) : ses,
  };
}
