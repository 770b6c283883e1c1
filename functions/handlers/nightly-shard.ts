// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a shard.
import { parseEnv } from '../config';
import { createNightlyStepDeps, nightlyStepsEnv } from '../wiring/nightly-steps';
import { createNightlyShardHandler, nightlyShardLogger as logger } from './nightly-shard-handler';

const env = parseEnv(nightlyStepsEnv);

export const handler = createNightlyShardHandler(() =>
  createNightlyStepDeps(env, {
    log: (message, data) => logger.info(message, data ?? {}),
    logError: (message, data) => logger.error(message, data ?? {}),
  }),
);
