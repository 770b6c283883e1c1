import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { planArchive } from '../usecases/archive/plan-archive';
import { sweepArchive } from '../usecases/archive/sweep-archive';
import type { ArchiveFunctionDeps } from '../wiring/archive';

const { logger, metrics, middleware } = observability('archive-planner');

/** SQS takes up to 10 messages a request. */
const SQS_BATCH = 10;

/**
 * The monthly archive run (EventBridge Scheduler): first the erasure sweep (objects whose marker
 * expired), then every student in batches onto the queue, where the worker archives them. A
 * failure throws and the scheduler retries the whole run: sending a batch twice is harmless,
 * the worker finds nothing left to move.
 */
export function createArchivePlannerHandler(
  loadDeps: () => ArchiveFunctionDeps | Promise<ArchiveFunctionDeps>,
) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, { erased: number; batches: number }, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async () => {
      const d = await deps();
      if (!d.queueUrl) throw new Error('ARCHIVE_QUEUE_URL is not set');
      const erased = await sweepArchive(d);
      const batches = await planArchive(d);
      for (let i = 0; i < batches.length; i += SQS_BATCH) {
        const entries = batches.slice(i, i + SQS_BATCH).map((studentIds, j) => ({
          Id: String(i + j),
          MessageBody: JSON.stringify({ studentIds }),
        }));
        const out = await d.sqs.send(new SendMessageBatchCommand({ QueueUrl: d.queueUrl, Entries: entries }));
        if ((out.Failed ?? []).length > 0)
          throw new Error(`${out.Failed?.length} archive batch(es) not queued`);
      }
      metrics.addMetric('ArchiveObjectsErased', 'Count', erased);
      metrics.addMetric('ArchiveBatchesQueued', 'Count', batches.length);
      logger.info('archive planned', { erased, batches: batches.length });
      return { erased, batches: batches.length };
    });
}
