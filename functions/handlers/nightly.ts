// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a request.
import { parseEnv } from '../config';
import { createNightlyDeps, nightlyEnv } from '../wiring/nightly';
import { createNightlyHandler, nightlyLogger, nightlyMetrics } from './nightly-handler';

const env = parseEnv(nightlyEnv);

export const handler = createNightlyHandler(() =>
  createNightlyDeps(env, {
    log: (message, data) => nightlyLogger.info(message, data ?? {}),
    logError: (message, data) => nightlyLogger.error(message, data ?? {}),
    metrics: nightlyMetrics,
  }),
);
