import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSON_OBJECT_PREFIX } from '../../functions/store/keys';
import { readDeployConfig } from '../../infra/config';
import {
  ARCHIVE_MAX_RECEIVES,
  ARCHIVE_NONCURRENT_DAYS,
  ARCHIVE_SCHEDULE,
  archiveExpirationDays,
} from '../../infra/constructs/lesson-archive';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };

let synth: Synthesized;
let app: Template;
let bucketId: string;
let retentionYears: number;

const functionId = (description: string): string => {
  const fns = app.findResources('AWS::Lambda::Function', {
    Properties: { Description: Match.stringLikeRegexp(description) },
  });
  expect(Object.keys(fns), description).toHaveLength(1);
  return Object.keys(fns)[0] as string;
};

/** Every IAM statement attached to the role of the function with this description. */
function statementsOf(description: string): Statement[] {
  const fn = app.findResources('AWS::Lambda::Function')[functionId(description)] as Resource;
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(app.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${role}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The statements that name the archive bucket, as `action -> resource` lines. */
function bucketGrants(description: string): string[] {
  return statementsOf(description)
    .filter((s) => JSON.stringify(s.Resource).includes(bucketId))
    .flatMap((s) =>
      [s.Action].flat().map((a) => {
        const resource = JSON.stringify(s.Resource);
        const where = resource.includes(`/${LESSON_OBJECT_PREFIX}*`) ? 'objects' : 'bucket';
        return `${a} ${where}${s.Condition ? ` ${JSON.stringify(s.Condition)}` : ''}`;
      }),
    )
    .sort();
}

beforeAll(() => {
  synth = synthesizePresentie();
  app = synth.template(synth.stacks.app);
  retentionYears = readDeployConfig(synth.app.node).retentionYears;
  const buckets = app.findResources('AWS::S3::Bucket');
  expect(Object.keys(buckets)).toHaveLength(1);
  bucketId = Object.keys(buckets)[0] as string;
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

describe('the lesson archive bucket', () => {
  it('is encrypted, private, versioned and kept when the stack goes', () => {
    const bucket = app.findResources('AWS::S3::Bucket')[bucketId] as Resource & { DeletionPolicy: string };
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('refuses every request without TLS', () => {
    app.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it("has lifecycle rules that follow the retention: cheaper storage, a backstop expiry, erased versions gone with the table's backups", () => {
    const bucket = app.findResources('AWS::S3::Bucket')[bucketId] as Resource;
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    const retention = rules.find((r) => r.Id === 'archive-retention');
    expect(retention).toMatchObject({
      Status: 'Enabled',
      Prefix: LESSON_OBJECT_PREFIX,
      Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 30 }],
      ExpirationInDays: archiveExpirationDays(retentionYears),
      NoncurrentVersionExpiration: { NoncurrentDays: ARCHIVE_NONCURRENT_DAYS },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    });
    // The backstop never erases before the longest expiry a lesson can carry (date + retention + 10 years).
    expect(archiveExpirationDays(retentionYears)).toBeGreaterThan((retentionYears + 10) * 366);
    // Point-in-time recovery keeps the table 35 days: the archive's erased versions go with it.
    expect(ARCHIVE_NONCURRENT_DAYS).toBe(35);
    expect(rules.find((r) => r.Id === 'expired-delete-markers')).toMatchObject({
      ExpiredObjectDeleteMarker: true,
    });
  });
});

describe('the monthly run', () => {
  it('invokes the planner on the first of the month at 03:00 school time', () => {
    const planner = functionId('^Monthly');
    app.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `cron(${ARCHIVE_SCHEDULE.minute} ${ARCHIVE_SCHEDULE.hour} ${ARCHIVE_SCHEDULE.day} * ? *)`,
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [planner, 'Arn'] },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
  });

  it('queues students for a worker that reports partial batch failures, with a dead-letter queue', () => {
    const worker = functionId('closed school years');
    const mappings = Object.values(
      app.findResources('AWS::Lambda::EventSourceMapping', {
        Properties: { FunctionName: { Ref: worker } },
      }),
    ) as Resource[];
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0] as Resource;
    expect(mapping.Properties).toMatchObject({
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    const queueId = (mapping.Properties.EventSourceArn as { 'Fn::GetAtt': [string, string] })[
      'Fn::GetAtt'
    ][0];
    const queue = app.findResources('AWS::SQS::Queue')[queueId] as Resource;
    const redrive = queue.Properties.RedrivePolicy as {
      deadLetterTargetArn: { 'Fn::GetAtt': [string, string] };
      maxReceiveCount: number;
    };
    expect(redrive.maxReceiveCount).toBe(ARCHIVE_MAX_RECEIVES);
    // Visible again only after the worker's timeout (300 s) has passed several times over.
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(300);
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const dlq = app.findResources('AWS::SQS::Queue')[
      redrive.deadLetterTargetArn['Fn::GetAtt'][0]
    ] as Resource;
    expect(dlq.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 86_400 });

    // The planner may send to this queue; the worker's environment names the bucket and the queue.
    const planner = functionId('^Monthly');
    const sends = statementsOf('^Monthly').filter((s) => [s.Action].flat().includes('sqs:SendMessage'));
    expect(JSON.stringify(sends)).toContain(queueId);
    const fns = app.findResources('AWS::Lambda::Function');
    for (const id of [planner, worker]) {
      expect((fns[id] as Resource).Properties.Environment).toMatchObject({
        Variables: { ARCHIVE_BUCKET: { Ref: bucketId }, ARCHIVE_QUEUE_URL: { Ref: queueId } },
      });
    }
  });
});

describe('alarms', () => {
  const topicId = () => {
    const topics = Object.keys(app.findResources('AWS::SNS::Topic'));
    expect(topics).toHaveLength(1);
    return topics[0] as string;
  };
  const alarmsOn = (fragment: string) =>
    Object.values(app.findResources('AWS::CloudWatch::Alarm')).filter((a) =>
      JSON.stringify(a).includes(fragment),
    ) as Resource[];

  it('fire when a batch lands in the dead-letter queue', () => {
    const dlq = Object.entries(app.findResources('AWS::SQS::Queue')).find(([id]) =>
      /LessonArchiveDeadLetters/.test(id),
    )?.[0] as string;
    const alarms = alarmsOn(dlq).filter(
      (a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(alarms).toHaveLength(1);
    expect((alarms[0] as Resource).Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId() }],
    });
  });

  it('fire when the planner or the worker throws', () => {
    for (const description of ['^Monthly', 'closed school years']) {
      const id = functionId(description);
      const errors = alarmsOn(`"${id}"`).filter((a) => a.Properties.MetricName === 'Errors');
      expect(errors, description).toHaveLength(1);
      expect((errors[0] as Resource).Properties).toMatchObject({
        Threshold: 1,
        AlarmActions: [{ Ref: topicId() }],
      });
    }
  });
});

describe('least privilege on the archive', () => {
  const list = `s3:ListBucket bucket ${JSON.stringify({ StringLike: { 's3:prefix': `${LESSON_OBJECT_PREFIX}*` } })}`;

  it('lets the worker read and write lesson objects, nothing else of the bucket', () => {
    expect(bucketGrants('closed school years')).toEqual(
      [list, 's3:GetObject objects', 's3:PutObject objects'].sort(),
    );
  });

  it('lets the planner list and delete lesson objects (the erasure sweep), not read them', () => {
    expect(bucketGrants('^Monthly')).toEqual([list, 's3:DeleteObject objects'].sort());
  });

  it('lets the API only read them, and tells it where they are', () => {
    expect(bucketGrants('^Dashboard API$')).toEqual([list, 's3:GetObject objects'].sort());
    const api = app.findResources('AWS::Lambda::Function')[functionId('^Dashboard API$')] as Resource;
    expect(api.Properties.Environment).toMatchObject({ Variables: { ARCHIVE_BUCKET: { Ref: bucketId } } });
  });

  it('gives no other function access to the bucket', () => {
    const fns = Object.keys(app.findResources('AWS::Lambda::Function'));
    const allowed = new Set([
      functionId('^Monthly'),
      functionId('closed school years'),
      functionId('^Dashboard API$'),
    ]);
    for (const id of fns.filter((f) => !allowed.has(f))) {
      const fn = app.findResources('AWS::Lambda::Function')[id] as Resource;
      const description = String(fn.Properties.Description ?? '');
      if (!description) continue;
      expect(bucketGrants(`^${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), description).toEqual(
        [],
      );
    }
  });
});

describe("the schedule's role", () => {
  it('may invoke the planner and nothing else', () => {
    const schedule = Object.values(app.findResources('AWS::Scheduler::Schedule'))
      .map((r) => r as Resource)
      .find((r) => JSON.stringify(r).includes('archive run')) as Resource;
    const roleId = (schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': [string, string] } }).RoleArn[
      'Fn::GetAtt'
    ][0];
    const policies = Object.values(app.findResources('AWS::IAM::Policy')) as Resource[];
    const statements = policies
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    expect(statements.map((s) => s.Action)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements)).toContain(functionId('^Monthly'));
  });
});
