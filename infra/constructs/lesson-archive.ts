import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { BlockPublicAccess, Bucket, BucketEncryption, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCHOOL_TIME_ZONE } from '../../shared/calendar/school-time';
import { grantTableData } from '../table-access';
import { HandlerFunction } from './handler-function';

export interface LessonArchiveProps {
  table: ITable;
  retentionYears: number;
}

/**
 * Closed school years out of the hot table (issue #12): the archive bucket, a monthly planner
 * (EventBridge Scheduler) that sweeps expired objects and queues every student in batches, and an
 * SQS-driven worker with partial batch failures and a dead-letter queue. Objects are erased with
 * their marker in the table (docs/privacy.md), not by a lifecycle expiration.
 */
export class LessonArchive extends Construct {
  readonly bucket: Bucket;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: LessonArchiveProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'cheaper-after-30-days',
          transitions: [
            { storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(30) },
          ],
          // A deleted (erased) object's last version goes after the table's PITR window.
          noncurrentVersionExpiration: Duration.days(35),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(15),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
    });
    const environment = {
      TABLE_NAME: props.table.tableName,
      ARCHIVE_BUCKET: this.bucket.bucketName,
      ARCHIVE_QUEUE_URL: queue.queueUrl,
    };
    const planner = new HandlerFunction(this, 'Planner', {
      handler: 'archive-planner',
      description: 'Monthly: erases expired archive objects, queues every student for the archive worker',
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: Duration.minutes(15),
      environment,
    }).fn;
    const worker = new HandlerFunction(this, 'Worker', {
      handler: 'archive-worker',
      description: "Moves students' closed school years from the table to the archive bucket",
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment,
    }).fn;
    for (const fn of [planner, worker]) grantTableData(props.table, fn);
    this.bucket.grantReadWrite(worker);
    this.bucket.grantRead(planner);
    this.bucket.grantDelete(planner);
    queue.grantSendMessages(planner);
    worker.addEventSource(new SqsEventSource(queue, { batchSize: 1, reportBatchItemFailures: true }));
    new Schedule(this, 'Monthly', {
      description: 'The archive run: the first of the month, 03:00 school time',
      schedule: ScheduleExpression.cron({
        day: '1',
        hour: '3',
        minute: '0',
        timeZone: TimeZone.of(SCHOOL_TIME_ZONE),
      }),
      target: new LambdaInvoke(planner, {}),
    });
  }
}
