import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE, TASK_MAILER_EVENT_TYPES } from '../../functions/events/types';
import { grantTableData } from '../table-access';
import type { Alarms } from './alarms';
import { deadLetterQueue } from './dead-letter-queue';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

export interface TaskMailerProps {
  bus: IEventBus;
  table: ITable;
  mail: Mail;
  dashboardUrl: string;
  senderAddress: string;
  retentionYears: number;
}

/**
 * A new task's mails, sent when the dashboard made it (`task.created` on the bus) rather than at
 * night: a rule on the bus invokes the task mailer, retried by EventBridge and then parked in a
 * dead-letter queue. The mails wait in the outbox meanwhile, so the nightly run sends them anyway.
 */
export class TaskMailer extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: TaskMailerProps) {
    super(scope, id);
    this.fn = new HandlerFunction(this, 'Handler', {
      handler: 'task-mailer',
      description: "Mails a new task's role when the task is made (task.created)",
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: {
        TABLE_NAME: props.table.tableName,
        DASHBOARD_URL: props.dashboardUrl,
        MAIL_FROM: props.senderAddress,
        SES_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
      },
    }).fn;
    grantTableData(props.table, this.fn);
    props.mail.grantSend(this.fn);

    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      "This queue is itself the dead-letter queue of the task mailer's rule; the mails it names stay in the outbox for the nightly run.",
    );

    new Rule(this, 'TaskCreated', {
      description: 'A new task: mail its role now (the nightly run sends what this could not)',
      eventBus: props.bus,
      eventPattern: { source: [EVENT_SOURCE], detailType: [...TASK_MAILER_EVENT_TYPES] },
      targets: [
        new LambdaFunction(this.fn, {
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: this.deadLetters,
        }),
      ],
    });
  }

  /** The operator hears of a task mail parked in the dead-letter queue. */
  addAlarms(alarms: Alarms): void {
    alarms.alarm('TaskMailDeadLetters', alarms.action, {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      description:
        "A new task's mails could not be sent after EventBridge's retries (see the task mailer's log); the nightly run sends them from the outbox.",
    });
  }
}
