import { type CfnResource, Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import {
  Choice,
  Condition,
  DefinitionBody,
  DistributedMap,
  Errors,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct, type IConstruct } from 'constructs';
import { SCHOOL_TIME_ZONE } from '../../shared/calendar/school-time';
import { acknowledge, acknowledgeWildcards } from '../nag';
import { grantTableData } from '../table-access';
import type { Alarms } from './alarms';
import { HandlerFunction } from './handler-function';
import type { MailQueue } from './mail-queue';

/** The nightly run: 05:30 school time, whatever the season. */
export const NIGHTLY_SCHEDULE = { hour: '5', minute: '30', timeZone: SCHOOL_TIME_ZONE } as const;

/** Shards evaluated at once: enough for 200,000 students in well under an hour, few enough for the table's on-demand warmth. */
export const DEFAULT_NIGHTLY_WORKERS = 10;

/**
 * The name of the error finishNight throws while a shard of the run is not done (N1's use case,
 * functions/usecases/nightly/finish-night.ts): Finish retries on it with its own backoff.
 */
export const NIGHT_NOT_READY_ERROR = 'NightNotReady';

/** The Distributed Map's label: its child executions' metrics carry `<state machine ARN>/<label>`. */
export const SHARDS_LABEL = 'Shards';

export interface NightlyRunProps {
  table: ITable;
  bus: IEventBus;
  mailQueue: MailQueue;
  dashboardUrl: string;
  senderAddress: string;
  retentionYears: number;
  /** Shards at once (the map's max concurrency). */
  workers?: number;
}

/**
 * The night on Step Functions: Plan (which students, in which shards) -> a Distributed Map of
 * shards, each one Lambda invocation committing its own progress and retried alone -> Finish
 * (reminders, cases, KPI, the mails to the mail queue). A replay starts an execution with
 * `{ "date": "YYYY-MM-DD" }`; the schedule starts one with `{}` (as of yesterday).
 */
export class NightlyRun extends Construct {
  readonly stateMachine: StateMachine;
  readonly plan: NodejsFunction;
  readonly shard: NodejsFunction;
  readonly finish: NodejsFunction;

  constructor(scope: Construct, id: string, props: NightlyRunProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVENT_BUS_NAME: props.bus.eventBusName,
      DASHBOARD_URL: props.dashboardUrl,
      MAIL_FROM: props.senderAddress,
    };
    const step = (name: 'Plan' | 'Shard' | 'Finish', description: string, timeout: Duration) => {
      const fn = new HandlerFunction(this, name, {
        handler: `nightly-${name.toLowerCase() as 'plan' | 'shard' | 'finish'}`,
        description,
        retentionYears: props.retentionYears,
        memorySize: 1024,
        timeout,
        environment,
      }).fn;
      grantTableData(props.table, fn);
      // Evaluations and the finish publish the events their outbox holds (signal.sent, task.created).
      props.bus.grantPutEventsTo(fn);
      return fn;
    };
    this.plan = step(
      'Plan',
      "The night's plan: its students in shards; replay with { date }",
      Duration.minutes(5),
    );
    this.shard = step(
      'Shard',
      'One shard of the night: evaluates its students, commits its progress',
      Duration.minutes(15),
    );
    this.finish = step(
      'Finish',
      "The night's end: reminders, cases, KPI, mails to the mail queue",
      Duration.minutes(15),
    );
    this.finish.addEnvironment('MAIL_QUEUE_URL', props.mailQueue.queue.queueUrl);
    props.mailQueue.grantSend(this.finish);

    const plan = new LambdaInvoke(this, 'PlanTask', {
      stateName: 'Plan',
      lambdaFunction: this.plan,
      payloadResponseOnly: true,
      comment: 'Which students tonight, in which shards; outside the calendar: skipped',
    });
    plan.addRetry({
      errors: [Errors.TASKS_FAILED],
      interval: Duration.seconds(30),
      maxAttempts: 3,
      backoffRate: 2,
    });

    const shard = new LambdaInvoke(this, 'ShardTask', {
      stateName: 'Shard',
      lambdaFunction: this.shard,
      payloadResponseOnly: true,
      comment: 'One shard; a retry redoes only its students not yet done',
    });
    shard.addRetry({
      errors: [Errors.ALL],
      interval: Duration.seconds(20),
      maxAttempts: 4,
      backoffRate: 2,
      maxDelay: Duration.minutes(5),
    });
    const shards = new DistributedMap(this, 'Shards', {
      label: SHARDS_LABEL,
      itemsPath: JsonPath.stringAt('$.shards'),
      itemSelector: {
        asOf: JsonPath.stringAt('$.asOf'),
        run: JsonPath.numberAt('$.run'),
        shard: JsonPath.numberAt('$$.Map.Item.Value'),
      },
      maxConcurrency: props.workers ?? DEFAULT_NIGHTLY_WORKERS,
      // Standard children: a shard may take up to Lambda's 15 minutes (Express stops at 5).
      mapExecutionType: StateMachineType.STANDARD,
      // A shard still failing after its retries fails the night (and its alarm): Finish needs every shard.
      toleratedFailurePercentage: 0,
      // The plan (asOf, run) goes on to Finish; the shards' outcomes are stored on their items.
      resultPath: JsonPath.DISCARD,
    });
    shards.itemProcessor(shard);

    const finish = new LambdaInvoke(this, 'FinishTask', {
      stateName: 'Finish',
      lambdaFunction: this.finish,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({ asOf: JsonPath.stringAt('$.asOf'), run: JsonPath.numberAt('$.run') }),
      comment: "The night's end after every shard; mails to the mail queue",
    });
    // A shard's progress not yet visible: wait and ask again, then ordinary failures with backoff.
    finish.addRetry({
      errors: [NIGHT_NOT_READY_ERROR],
      interval: Duration.seconds(15),
      maxAttempts: 5,
      backoffRate: 2,
    });
    finish.addRetry({
      errors: [Errors.TASKS_FAILED],
      interval: Duration.seconds(30),
      maxAttempts: 3,
      backoffRate: 2,
    });

    const definition = plan.next(
      new Choice(this, 'Outside the calendar?')
        .when(Condition.isPresent('$.skipped'), new Succeed(this, 'Skipped'))
        .otherwise(shards.next(finish)),
    );

    const logGroup = new LogGroup(this, 'Logs', {
      // Execution data is not logged (it names students' ids at most); events are kept as the functions' logs.
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'Presentie nightly run: plan, shards (Distributed Map), finish',
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(6),
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(this.stateMachine, {
      id: 'AwsSolutions-SF2',
      reason:
        "X-Ray tracing is off for every Presentie function; the state machine's execution history, its log group and the functions' logs trace a night.",
    });
    const stack = Stack.of(this);
    const logicalId = (construct: IConstruct) =>
      stack.resolve((construct.node.defaultChild as CfnResource).logicalId) as string;
    const steps = [this.plan, this.shard, this.finish].map((fn) => `Resource::<${logicalId(fn)}.Arn>:*`);
    const machine = logicalId(this.stateMachine);
    acknowledgeWildcards(
      this.stateMachine,
      (finding) => steps.includes(finding) || finding.includes(`"Ref":"${machine}"`),
      "Step Functions' Lambda tasks may invoke their function's versions (<arn>:*), and the Distributed Map describes and stops its own child executions (execution:<this state machine>:*): each wildcard stays within this state machine or these three functions.",
    );
    acknowledgeWildcards(
      this.stateMachine,
      (finding) => finding === 'Resource::*',
      "The state machine's execution log: CloudWatch Logs' log-delivery actions (CreateLogDelivery, PutResourcePolicy, DescribeLogGroups, ...) take no resource but '*', as AWS documents for vended logs.",
    );

    new Schedule(this, 'Schedule', {
      description: 'Nightly Presentie run, 05:30 Europe/Amsterdam',
      schedule: ScheduleExpression.cron({
        hour: NIGHTLY_SCHEDULE.hour,
        minute: NIGHTLY_SCHEDULE.minute,
        timeZone: TimeZone.of(NIGHTLY_SCHEDULE.timeZone),
      }),
      target: new StepFunctionsStartExecution(this.stateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
      }),
    });
  }

  /** A night that failed, timed out or lost a shard; the night's steps throwing. */
  addAlarms(alarms: Alarms): void {
    const period = Duration.minutes(5);
    alarms.alarm('NightlyExecutionsFailed', alarms.action, {
      metric: this.stateMachine.metricFailed({ period, statistic: 'Sum' }),
      threshold: 1,
      description:
        'A nightly execution failed (a step still failing after its retries; see the execution in Step Functions). Redrive it, or start one with { "date": "YYYY-MM-DD" }: done shards are not redone.',
    });
    alarms.alarm('NightlyExecutionsTimedOut', alarms.action, {
      metric: this.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      threshold: 1,
      description:
        'A nightly execution ran past 6 hours. Start one with { "date": "YYYY-MM-DD" }: done shards are not redone.',
    });
    alarms.alarm('NightlyShardsFailed', alarms.action, {
      metric: new Metric({
        namespace: 'AWS/States',
        metricName: 'ExecutionsFailed',
        dimensionsMap: { StateMachineArn: `${this.stateMachine.stateMachineArn}/${SHARDS_LABEL}` },
        period,
        statistic: 'Sum',
      }),
      threshold: 1,
      description:
        'A shard of the night failed after its retries (its child execution in the Map Run names it); the night fails with it and its students wait for a redrive or a replay.',
    });
  }
}
