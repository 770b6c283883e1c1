import { Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LESSON_OBJECT_PREFIX } from '../../functions/store/keys';
import { PROVISIONAL_EXTRA_YEARS } from '../../functions/store/retention';
import { SCHOOL_TIME_ZONE } from '../../shared/calendar/school-time';
import { acknowledge } from '../nag';
import { grantTableData } from '../table-access';
import type { Alarms } from './alarms';
import { deadLetterQueue } from './dead-letter-queue';
import { HandlerFunction } from './handler-function';

export interface LessonArchiveProps {
  table: ITable;
  retentionYears: number;
}

/** The monthly archive run: the first of the month, 03:00 school time (before the night at 05:30). */
export const ARCHIVE_SCHEDULE = { day: '1', hour: '3', minute: '0', timeZone: SCHOOL_TIME_ZONE } as const;

/** Deliveries of one batch of students before it is dead-lettered. */
export const ARCHIVE_MAX_RECEIVES = 3;

/** Storage class changes after this many days (Glacier Instant Retrieval: cheap, read in ms). */
export const ARCHIVE_TRANSITION_DAYS = 30;

/** A deleted (erased) object's last version goes after the table's point-in-time recovery window. */
export const ARCHIVE_NONCURRENT_DAYS = 35;

/**
 * The lifecycle's backstop: no object outlives the longest expiry any of its lessons can carry
 * (the lesson's date + RETENTION_YEARS + the provisional extra years, functions/store/retention.ts),
 * counted from the object's write, which is after every lesson in it, in 366-day years. The erasure
 * itself is the monthly sweep's, with the marker (docs/privacy.md); this only caps a missed one.
 */
export function archiveExpirationDays(retentionYears: number): number {
  return (retentionYears + PROVISIONAL_EXTRA_YEARS + 1) * 366;
}

/**
 * Closed school years out of the hot table (issue #12): the archive bucket, a monthly planner
 * (EventBridge Scheduler) that sweeps expired objects and queues every student in batches, and an
 * SQS-driven worker with partial batch failures and a dead-letter queue. Objects are erased with
 * their marker in the table (docs/privacy.md); the lifecycle's expiration is only a backstop.
 */
export class LessonArchive extends Construct {
  readonly bucket: Bucket;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly planner: NodejsFunction;
  readonly worker: NodejsFunction;

  constructor(scope: Construct, id: string, props: LessonArchiveProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      // Personal data kept for its retention: a deleted stack must not take it along.
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'archive-retention',
          prefix: LESSON_OBJECT_PREFIX,
          transitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(ARCHIVE_TRANSITION_DAYS),
            },
          ],
          expiration: Duration.days(archiveExpirationDays(props.retentionYears)),
          noncurrentVersionExpiration: Duration.days(ARCHIVE_NONCURRENT_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        // The delete markers the sweep and the expiration leave, once their versions are gone.
        { id: 'expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
    });
    acknowledge(this.bucket, {
      id: 'AwsSolutions-S1',
      reason:
        'Only the archive functions and the API function write or read the archive bucket, with IAM roles on lessons/*; server access logs would need a bucket of their own and would copy student ids into a log without retention of its own.',
    });

    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      "This queue is itself the archive queue's dead-letter queue; its students keep their lessons in the table and the next monthly run queues them again.",
    );
    const workerTimeout = Duration.minutes(5);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      // AWS's advice for a Lambda event source: six times the function's timeout.
      visibilityTimeout: Duration.seconds(workerTimeout.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: ARCHIVE_MAX_RECEIVES },
    });

    const environment = {
      TABLE_NAME: props.table.tableName,
      ARCHIVE_BUCKET: this.bucket.bucketName,
      ARCHIVE_QUEUE_URL: this.queue.queueUrl,
    };
    this.planner = new HandlerFunction(this, 'Planner', {
      handler: 'archive-planner',
      description: 'Monthly: erases expired archive objects, queues every student for the archive worker',
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: Duration.minutes(15),
      environment,
    }).fn;
    this.worker = new HandlerFunction(this, 'Worker', {
      handler: 'archive-worker',
      description: "Moves students' closed school years from the table to the archive bucket",
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: workerTimeout,
      environment,
    }).fn;
    for (const fn of [this.planner, this.worker]) grantTableData(props.table, fn);
    // Least privilege on the objects: the worker reads and writes, the planner lists and deletes.
    this.grantObjects(this.worker, ['s3:GetObject', 's3:PutObject'], 'reads and writes');
    this.grantObjects(this.planner, ['s3:DeleteObject'], 'deletes (the erasure sweep)');
    this.queue.grantSendMessages(this.planner);
    this.worker.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 1, reportBatchItemFailures: true }),
    );
    // The schedule's own role, so that its one finding is acknowledged here with its reason.
    const scheduleRole = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'Lets the monthly schedule invoke the archive planner, nothing else',
    });
    const plannerId = Stack.of(this).resolve((this.planner.node.defaultChild as CfnFunction).logicalId);
    acknowledge(scheduleRole, {
      id: `AwsSolutions-IAM5[Resource::<${plannerId}.Arn>:*]`,
      reason:
        "The scheduler's Lambda target may invoke the planner's versions and aliases (<planner ARN>:*), as CDK grants it; the wildcard stays within this one function.",
    });
    new Schedule(this, 'Monthly', {
      description: 'The archive run: the first of the month, 03:00 school time',
      schedule: ScheduleExpression.cron({
        day: ARCHIVE_SCHEDULE.day,
        hour: ARCHIVE_SCHEDULE.hour,
        minute: ARCHIVE_SCHEDULE.minute,
        timeZone: TimeZone.of(ARCHIVE_SCHEDULE.timeZone),
      }),
      target: new LambdaInvoke(this.planner, {
        role: scheduleRole,
        retryAttempts: 2,
        maxEventAge: Duration.hours(12),
      }),
    });
  }

  /**
   * What the API needs to read archived years back (the access export): GetObject on the lesson
   * objects, and ListBucket on their prefix so that a missing object is a 404, not a 403.
   */
  grantRead(fn: NodejsFunction): void {
    this.grantObjects(fn, ['s3:GetObject'], 'reads');
    fn.addEnvironment('ARCHIVE_BUCKET', this.bucket.bucketName);
  }

  /** Its functions' errors alarm with the others' (app-stack.ts); here what only the queue knows. */
  addAlarms(alarms: Alarms): void {
    alarms.alarm('ArchiveDeadLetters', alarms.action, {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      description: `A batch of students could not be archived after ${ARCHIVE_MAX_RECEIVES} tries (see the archive worker's log). Their lessons stay in the table and the next monthly run queues them again; purge the dead-letter queue once seen.`,
    });
  }

  private grantObjects(grantee: IGrantable, actions: string[], what: string): void {
    const prefix = LESSON_OBJECT_PREFIX;
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${prefix}*` } },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions,
        resources: [this.bucket.arnForObjects(`${prefix}*`)],
      }),
    );
    if (Construct.isConstruct(grantee)) {
      const logicalId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId);
      acknowledge(grantee, {
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
        reason: `The function ${what} the archive objects, one per student and school year under ${prefix}: their keys are not known when the policy is written, and the wildcard stays within that prefix of this one bucket.`,
      });
    }
  }
}
