import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { archiveBatch } from '../usecases/archive/plan-archive';
import type { ArchiveFunctionDeps } from '../wiring/archive';

const { logger, metrics, middleware } = observability('archive-worker');

const Message = z.object({ studentIds: z.array(z.string().min(1)).min(1) });

/**
 * Archives the students of each SQS message. A message with a failed student is reported as a
 * partial batch failure: SQS delivers it again (the students already moved find nothing left)
 * and, after the queue's receive count, parks it in the dead-letter queue, which is alarmed.
 */
export function createArchiveWorkerHandler(
  loadDeps: () => ArchiveFunctionDeps | Promise<ArchiveFunctionDeps>,
) {
  const deps = loadOnce(loadDeps);
  return middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const d = await deps();
      const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
      for (const record of event.Records) {
        const parsed = Message.safeParse(JSON.parse(record.body));
        if (!parsed.success) {
          logger.error('not an archive batch', { messageId: record.messageId });
          batchItemFailures.push({ itemIdentifier: record.messageId });
          continue;
        }
        const out = await archiveBatch(d, parsed.data.studentIds);
        const moved = out.archived.flatMap((a) => a.years).reduce((n, y) => n + y.moved, 0);
        metrics.addMetric('ArchivedRegistrations', 'Count', moved);
        metrics.addMetric('ArchiveStudentFailures', 'Count', out.failed.length);
        if (out.failed.length > 0) {
          logger.error('archive failures', { messageId: record.messageId, failed: out.failed });
          batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      }
      return { batchItemFailures };
    });
}
