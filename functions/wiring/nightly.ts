import { SESv2Client } from '@aws-sdk/client-sesv2';
import { z } from 'zod';
import { defaultCalendar } from '../../shared/calendar';
import { commonEnv } from '../config';
import { type EventBus, eventBusFor } from '../events';
import { createOutbox } from '../mail/outbox';
import { countingRefusals } from '../mail/refusal-metric';
import { createSesMailer, type Mailer } from '../mail/ses-mailer';
import { documentClient, type Store } from '../store/client';
import type { MetricsPort } from '../usecases/nightly/calendar-guard';
import { loadDirectory } from '../usecases/nightly/directory';
import type { NightlyDeps } from '../usecases/nightly/ports';

/** The nightly function's environment (infra/stacks/app-stack.ts sets it). */
export const nightlyEnv = commonEnv.extend({
  MAIL_FROM: z.string().min(3, 'MAIL_FROM is required (the sender address)'),
  SES_CONFIGURATION_SET: z.string().optional(),
  SES_MAX_PER_SECOND: z.coerce.number().positive().default(14),
  DASHBOARD_URL: z.url('DASHBOARD_URL must be the dashboard base URL'),
  EVENT_BUS_NAME: z.string().optional(),
  MAIL_GUARDIANS: z.enum(['on', 'off']).default('off'),
});
export type NightlyEnv = z.infer<typeof nightlyEnv>;

/** What a test or a benchmark replaces; everything else comes from the configuration. */
export interface NightlyOverrides {
  store?: Store;
  /** The SES client (a local endpoint); one with the SDK's defaults otherwise. */
  ses?: SESv2Client;
  /** Wraps the SES mailer, e.g. to make it fail for some addresses. */
  wrapMailer?: (mailer: Mailer) => Mailer;
  /** Where the mailer counts SES's refusals (MAIL_REFUSED); the handler's Powertools metrics. */
  metrics?: MetricsPort;
  bus?: EventBus;
  /** Mails in flight at once while the outbox flushes. */
  outboxConcurrency?: number;
  log?: NightlyDeps['log'];
  logError?: NightlyDeps['logError'];
}

/**
 * The nightly run's dependencies: the table, the outbox sending through SES, the event bus, the
 * school calendar, the staff directory and the run's settings. Built the same way by the
 * handler, the integration tests and the benchmark, so that they measure what runs in AWS.
 */
export function createNightlyDeps(env: NightlyEnv, overrides: NightlyOverrides = {}): NightlyDeps {
  const store = overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME };
  const sesMailer = createSesMailer({
    client: overrides.ses ?? new SESv2Client({}),
    from: env.MAIL_FROM,
    configurationSet: env.SES_CONFIGURATION_SET,
    maxPerSecond: env.SES_MAX_PER_SECOND,
  });
  const ses = overrides.metrics ? countingRefusals(sesMailer, overrides.metrics) : sesMailer;
  const mailer = overrides.wrapMailer ? overrides.wrapMailer(ses) : ses;
  return {
    store,
    outbox: createOutbox({
      store,
      mailer,
      ...(overrides.outboxConcurrency ? { concurrency: overrides.outboxConcurrency } : {}),
    }),
    bus: overrides.bus ?? eventBusFor(env.EVENT_BUS_NAME),
    calendar: defaultCalendar,
    loadDirectory: () => loadDirectory(store),
    config: {
      dashboardUrl: env.DASHBOARD_URL,
      mailGuardians: env.MAIL_GUARDIANS === 'on',
      retentionYears: env.RETENTION_YEARS,
    },
    ...(overrides.log ? { log: overrides.log } : {}),
    ...(overrides.logError ? { logError: overrides.logError } : {}),
  };
}
