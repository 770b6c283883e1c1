import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import { z } from 'zod';
import { type CalendarHorizon, defaultCalendar } from '../../shared/calendar';
import { commonEnv, parseEnv } from '../config';
import { eventBusFor } from '../events';
import { createOutbox } from '../mail/outbox';
import { createSesMailer } from '../mail/ses-mailer';
import { observability } from '../middleware/observability';
import { documentClient } from '../store/client';
import { scheduledAsOf } from '../usecases/nightly/as-of';
import { checkCalendar, type SkippedNightly } from '../usecases/nightly/calendar-guard';
import { NIGHTLY_SERVICE } from '../usecases/nightly/calendar-metrics';
import { loadDirectory } from '../usecases/nightly/directory';
import { type NightlyResult, runNightly } from '../usecases/nightly/run-nightly';

const env = parseEnv(
  commonEnv.extend({
    MAIL_FROM: z.string().min(3, 'MAIL_FROM is required (the sender address)'),
    SES_CONFIGURATION_SET: z.string().optional(),
    SES_MAX_PER_SECOND: z.coerce.number().positive().default(14),
    DASHBOARD_URL: z.url('DASHBOARD_URL must be the dashboard base URL'),
    EVENT_BUS_NAME: z.string().optional(),
    MAIL_GUARDIANS: z.enum(['on', 'off']).default('off'),
  }),
);

const { logger, metrics } = observability(NIGHTLY_SERVICE);
const store = { doc: documentClient(), tableName: env.TABLE_NAME };
const ses = new SESv2Client({});
const mailer = createSesMailer({
  client: ses,
  from: env.MAIL_FROM,
  configurationSet: env.SES_CONFIGURATION_SET,
  maxPerSecond: env.SES_MAX_PER_SECOND,
});
const outbox = createOutbox({ store, mailer });
const bus = eventBusFor(env.EVENT_BUS_NAME);

/** A replay names its date; the scheduler's invocation (anything else) means "as of yesterday". */
const Replay = z.object({ date: z.iso.date() });

export type NightlyOutcome = (NightlyResult & { calendar: CalendarHorizon }) | SkippedNightly;

export const handler = middy()
  .use(logMetrics(metrics))
  .handler(async (event: unknown): Promise<NightlyOutcome> => {
    const replay = Replay.safeParse(event);
    const asOf = replay.success ? replay.data.date : scheduledAsOf(new Date());
    const calendar = checkCalendar(
      {
        calendar: defaultCalendar,
        metrics,
        warn: (message, data) => logger.warn(message, data),
        error: (message, data) => logger.error(message, data),
      },
      asOf,
    );
    // Retrying cannot help until the calendar is extended: report (metric, log) and stop.
    if (!calendar.covered) return { asOf, skipped: 'outside_calendar', calendar };
    const result = await runNightly(
      {
        store,
        outbox,
        bus,
        calendar: defaultCalendar,
        loadDirectory: () => loadDirectory(store),
        config: {
          dashboardUrl: env.DASHBOARD_URL,
          mailGuardians: env.MAIL_GUARDIANS === 'on',
          retentionYears: env.RETENTION_YEARS,
        },
        log: (message, data) => logger.info(message, data ?? {}),
      },
      asOf,
    );
    return { ...result, calendar };
  });
