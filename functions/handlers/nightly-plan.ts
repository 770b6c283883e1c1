// The Lambda entry: config parsed once at cold start, so a bad environment fails the init, not a night.
import { parseEnv } from '../config';
import { createNightlyStepDeps, nightlyStepsEnv } from '../wiring/nightly-steps';
import { createNightlyPlanHandler, nightlyPlanLogger as logger } from './nightly-plan-handler';

const env = parseEnv(nightlyStepsEnv);

export const handler = createNightlyPlanHandler(() =>
  createNightlyStepDeps(env, {
    log: (message, data) => logger.info(message, data ?? {}),
    logError: (message, data) => logger.error(message, data ?? {}),
  }),
);
