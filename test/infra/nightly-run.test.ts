import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NightNotReady } from '../../functions/usecases/nightly/finish-night';
import { MAIL_SENDING } from '../../infra/constructs/mail-queue';
import { DEFAULT_NIGHTLY_WORKERS, NIGHT_NOT_READY_ERROR } from '../../infra/constructs/nightly-run';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Retrier = {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
};
type State = {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, string>;
  Retry?: Retrier[];
  Next?: string;
  Choices?: { Variable: string; IsPresent?: boolean; Next: string }[];
  Default?: string;
  ItemsPath?: string;
  ItemSelector?: Record<string, string>;
  MaxConcurrency?: number;
  ResultPath?: string | null;
  Label?: string;
  ToleratedFailurePercentage?: number;
  ItemProcessor?: {
    ProcessorConfig: { Mode: string; ExecutionType: string };
    StartAt: string;
    States: Record<string, State>;
  };
  End?: boolean;
};

let synth: Synthesized;
let app: Template;
let definition: { StartAt: string; States: Record<string, State> };
let machineId: string;

beforeAll(() => {
  synth = synthesizePresentie();
  app = synth.template(synth.stacks.app);
  const machines = app.findResources('AWS::StepFunctions::StateMachine');
  expect(Object.keys(machines)).toHaveLength(1);
  machineId = Object.keys(machines)[0] ?? '';
  const body = (machines[machineId] as Resource).Properties.DefinitionString as {
    'Fn::Join': [string, unknown[]];
  };
  // The definition embeds the functions' ARNs as tokens: replace each by its logical id to parse it.
  const text = body['Fn::Join'][1]
    .map((part) => (typeof part === 'string' ? part : `<${JSON.stringify(part).replace(/"/g, "'")}>`))
    .join('');
  definition = JSON.parse(text);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

const state = (name: string): State => {
  const found = definition.States[name];
  expect(found, name).toBeDefined();
  return found as State;
};

describe('the nightly state machine', () => {
  it('plans, skips a date outside the calendar, maps the shards, then finishes', () => {
    expect(definition.StartAt).toBe('Plan');
    const choice = state(state('Plan').Next ?? '');
    expect(choice.Type).toBe('Choice');
    expect(choice.Choices).toEqual([{ Variable: '$.skipped', IsPresent: true, Next: 'Skipped' }]);
    expect(state('Skipped').Type).toBe('Succeed');
    const map = state(choice.Default ?? '');
    expect(map.Type).toBe('Map');
    expect(map.Next).toBe('Finish');
    expect(state('Finish').End).toBe(true);
  });

  it('runs the shards as a Distributed Map, a few at once, each as a standard child execution', () => {
    const map = state('Shards');
    expect(map).toMatchObject({
      ItemsPath: '$.shards',
      ItemSelector: { 'asOf.$': '$.asOf', 'run.$': '$.run', 'shard.$': '$$.Map.Item.Value' },
      MaxConcurrency: DEFAULT_NIGHTLY_WORKERS,
      ResultPath: null,
      Label: 'Shards',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Shard',
      },
    });
    // No shard may fail: the finish step needs every one.
    expect(map.ToleratedFailurePercentage ?? 0).toBe(0);
  });

  it('retries each step with backoff; the shard alone, and the finish also while a shard is not done', () => {
    const shard = state('Shards').ItemProcessor?.States.Shard as State;
    const backoff = (retriers: Retrier[] | undefined, error: string) => {
      const retrier = retriers?.find((r) => r.ErrorEquals.includes(error));
      expect(retrier, error).toBeDefined();
      expect(retrier?.MaxAttempts).toBeGreaterThanOrEqual(3);
      expect(retrier?.BackoffRate).toBeGreaterThan(1);
    };
    backoff(state('Plan').Retry, 'States.TaskFailed');
    backoff(shard.Retry, 'States.ALL');
    backoff(state('Finish').Retry, NIGHT_NOT_READY_ERROR);
    backoff(state('Finish').Retry, 'States.TaskFailed');
    // The finish gets the night's reference, not the plan's list of shards.
    expect(state('Finish').Parameters).toEqual({ 'asOf.$': '$.asOf', 'run.$': '$.run' });
    // The name the finish use case throws while a shard is not done.
    expect(new NightNotReady('2026-09-07', 1, [0]).name).toBe(NIGHT_NOT_READY_ERROR);
  });

  it('is a standard workflow that logs to a log group with a bounded retention', () => {
    const machine = app.toJSON().Resources[machineId] as Resource;
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    const logs = machine.Properties.LoggingConfiguration as {
      Level: string;
      IncludeExecutionData: boolean;
      Destinations: { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string, string] } } }[];
    };
    expect(logs).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    const group = logs.Destinations[0]?.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0] ?? '';
    expect((app.toJSON().Resources[group] as Resource).Properties.RetentionInDays).toBe(90);
  });

  it('is started by the schedule at 05:30 Amsterdam time with an empty input', () => {
    app.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 5 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Amsterdam',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { Ref: machineId },
        Input: '{}',
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
    // The single nightly function and its dead-letter queue are gone.
    expect(JSON.stringify(app.toJSON().Resources)).not.toMatch(/NightlyDeadLetters/);
  });
});

describe('the mail queue', () => {
  const queues = () => app.findResources('AWS::SQS::Queue') as Record<string, Resource>;
  /** The queue the mail sender reads (its only event source; the archive worker has its own). */
  const mailQueueId = () => {
    const mappings = (
      Object.values(app.findResources('AWS::Lambda::EventSourceMapping')) as Resource[]
    ).filter((m) => JSON.stringify(m.Properties.FunctionName).includes('MailQueueSender'));
    expect(mappings).toHaveLength(1);
    const arn = mappings[0]?.Properties.EventSourceArn as { 'Fn::GetAtt': [string, string] } | undefined;
    return arn?.['Fn::GetAtt'][0] ?? '';
  };

  it('is encrypted, keeps messages 14 days and dead-letters a mail after its receives', () => {
    const queue = queues()[mailQueueId()] as Resource;
    expect(queue.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
      RedrivePolicy: { maxReceiveCount: MAIL_SENDING.maxReceiveCount },
    });
    const dlq = (
      queue.Properties.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } }
    ).deadLetterTargetArn['Fn::GetAtt'][0];
    expect((queues()[dlq] as Resource).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    // The operator hears of a mail in the dead-letter queue.
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  it('feeds the sender ten at a time, with partial batch failures, at most two senders at once', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [mailQueueId(), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    // Each sender paces to its share of the account rate: together they stay below it.
    app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          MAIL_RATE_PER_SECOND: String(MAIL_SENDING.ratePerSecond),
          MAIL_SENDERS: '2',
        }),
      },
    });
  });
});

describe('the alarms of the night', () => {
  const alarmOn = (metricName: string, dimension: unknown) =>
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: metricName,
      Dimensions: [{ Name: 'StateMachineArn', Value: dimension }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: Match.anyValue() }],
    });

  it('fire on a failed or timed-out execution, and on a shard that failed in the map run', () => {
    alarmOn('ExecutionsFailed', { Ref: machineId });
    alarmOn('ExecutionsTimedOut', { Ref: machineId });
    alarmOn('ExecutionsFailed', { 'Fn::Join': ['', [{ Ref: machineId }, '/Shards']] });
  });
});
