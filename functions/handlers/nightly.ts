import { Logger } from '@aws-lambda-powertools/logger';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import { z } from 'zod';
import { defaultCalendar } from '../../shared/calendar';
import { commonEnv, parseEnv } from '../config';
import { eventBusFor } from '../events';
import { createOutbox } from '../mail/outbox';
import { createSesMailer } from '../mail/ses-mailer';
import { documentClient } from '../store/client';
import { scheduledAsOf } from '../usecases/nightly/as-of';
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

const logger = new Logger({ serviceName: 'presentie-nightly' });
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

export const handler = middy().handler(async (event: unknown): Promise<NightlyResult> => {
  const replay = Replay.safeParse(event);
  const asOf = replay.success ? replay.data.date : scheduledAsOf(new Date());
  return runNightly(
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
});
