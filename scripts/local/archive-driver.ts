/**
 * The local stand-in for the archive's schedule and queue (infra/constructs/lesson-archive.ts):
 * the same planner and worker handlers, invoked in-process as EventBridge Scheduler and SQS invoke
 * them in AWS. The planner's SendMessageBatch lands in an in-process queue; each message is handed
 * to the worker in SQS's event shape, and one it reports as failed is delivered again, up to the
 * queue's receive count, after which it is dropped as SQS dead-letters it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { fileObjectStore } from '../../functions/archive/local-object-store';
import { createArchivePlannerHandler } from '../../functions/handlers/archive-planner-handler';
import { createArchiveWorkerHandler } from '../../functions/handlers/archive-worker-handler';
import type { Store } from '../../functions/store/client';
import type { ArchiveFunctionDeps } from '../../functions/wiring/archive';
import { lambdaContext } from './lambda-context';

/** As the archive queue's maxReceiveCount in AWS. */
const MAX_RECEIVES = 3;
const LOCAL_QUEUE_URL = 'local://archive-queue';

export interface ArchiveRunResult {
  erased: number;
  batches: number;
  /** Batches the worker still failed after the receives (their students keep their lessons). */
  deadLettered: string[][];
}

/** The archive folder of a local system: what `npm run archive` writes and the API reads. */
export function localArchiveDir(dataDir: string): string {
  return join(dataDir, 'archive');
}

/** One archive run over the local table and the archive folder, as of `now`. */
export async function driveArchive(options: {
  store: Store;
  dataDir: string;
  now: () => Date;
  log?: (line: string) => void;
}): Promise<ArchiveRunResult> {
  const queued: { body: string; receives: number }[] = [];
  const sqs = {
    send: (command: SendMessageBatchCommand) => {
      for (const entry of command.input.Entries ?? [])
        queued.push({ body: entry.MessageBody ?? '', receives: 0 });
      return Promise.resolve({ Successful: [], Failed: [] });
    },
  } as unknown as SQSClient;
  const deps: ArchiveFunctionDeps = {
    store: options.store,
    objects: fileObjectStore(localArchiveDir(options.dataDir)),
    now: options.now,
    sqs,
    queueUrl: LOCAL_QUEUE_URL,
  };
  const planner = createArchivePlannerHandler(() => deps);
  const worker = createArchiveWorkerHandler(() => deps);
  const planned = await planner({}, lambdaContext('archive-planner'));

  const deadLettered: string[][] = [];
  while (queued.length > 0) {
    const message = queued.shift() as { body: string; receives: number };
    message.receives += 1;
    const event: SQSEvent = {
      Records: [
        {
          messageId: randomUUID(),
          receiptHandle: 'local',
          body: message.body,
          attributes: {
            ApproximateReceiveCount: String(message.receives),
            SentTimestamp: String(Date.now()),
            SenderId: 'local',
            ApproximateFirstReceiveTimestamp: String(Date.now()),
          },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:eu-west-1:000000000000:archive',
          awsRegion: 'eu-west-1',
        },
      ],
    };
    let failed: boolean;
    try {
      const response = (await worker(event, lambdaContext('archive-worker'))) as SQSBatchResponse;
      failed = response.batchItemFailures.length > 0;
    } catch {
      failed = true;
    }
    if (!failed) continue;
    if (message.receives < MAX_RECEIVES) queued.push(message);
    else {
      const { studentIds } = JSON.parse(message.body) as { studentIds: string[] };
      deadLettered.push(studentIds);
      options.log?.(`archive batch not done after ${MAX_RECEIVES} tries: ${studentIds.join(', ')}`);
    }
  }
  return { ...planned, deadLettered };
}
