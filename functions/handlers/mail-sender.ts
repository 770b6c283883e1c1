// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a batch.
import { parseEnv } from '../config';
import { createMailSenderDeps, mailSenderEnv } from '../wiring/mail-sender';
import { createMailSenderHandler, mailSenderMetrics } from './mail-sender-handler';

const env = parseEnv(mailSenderEnv);

export const handler = createMailSenderHandler(() =>
  createMailSenderDeps(env, { metrics: mailSenderMetrics }),
);
