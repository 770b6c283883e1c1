import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { ObjectStore } from '../archive/object-store';
import { s3ObjectStore } from '../archive/s3-object-store';
import { commonEnv } from '../config';
import { documentClient, type Store } from '../store/client';
import type { ArchiveDeps } from '../usecases/archive/archive-student';

/** The archive functions' environment (infra/constructs/lesson-archive.ts sets it). */
export const archiveEnv = commonEnv.extend({
  ARCHIVE_BUCKET: z.string().min(1, 'ARCHIVE_BUCKET is required (the lesson archive bucket)'),
  /** The planner's queue; the worker reads it through its event source. */
  ARCHIVE_QUEUE_URL: z.string().optional(),
});
export type ArchiveEnv = z.infer<typeof archiveEnv>;

export interface ArchiveOverrides {
  store?: Store;
  objects?: ObjectStore;
  sqs?: SQSClient;
  now?: () => Date;
}

export type ArchiveFunctionDeps = ArchiveDeps & { sqs: SQSClient; queueUrl?: string };

/** The table, the archive bucket and the queue: one place for the planner and the worker. */
export function createArchiveDeps(env: ArchiveEnv, overrides: ArchiveOverrides = {}): ArchiveFunctionDeps {
  return {
    store: overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME },
    objects: overrides.objects ?? s3ObjectStore(new S3Client({}), env.ARCHIVE_BUCKET),
    now: overrides.now ?? (() => new Date()),
    sqs: overrides.sqs ?? new SQSClient({}),
    ...(env.ARCHIVE_QUEUE_URL ? { queueUrl: env.ARCHIVE_QUEUE_URL } : {}),
  };
}
