import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { withStoredSettings } from '../usecases/admin/school-settings';
import type { NightlyDeps } from '../usecases/nightly/ports';
import { runShard, type ShardOutcome } from '../usecases/nightly/run-shard';

/**
 * One shard of the night (an item of the state machine's Distributed Map): evaluates its students
 * and commits its own progress, so a retry redoes only what is not done.
 */

const { logger, middleware } = observability('nightly-shard');

export const nightlyShardLogger = logger;

const ShardInput = z.object({
  asOf: z.iso.date(),
  run: z.number().int().nonnegative(),
  shard: z.number().int().nonnegative(),
});

export class NotAShardInput extends Error {
  override name = 'NotAShardInput';
}

export function createNightlyShardHandler(loadDeps: () => NightlyDeps | Promise<NightlyDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, ShardOutcome, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const input = ShardInput.safeParse(event);
      if (!input.success) throw new NotAShardInput(input.error.message);
      const { asOf, run, shard } = input.data;
      const outcome = await runShard(await withStoredSettings(await deps()), { asOf, run }, shard);
      logger.info('shard done', { ...outcome });
      return outcome;
    });
}
