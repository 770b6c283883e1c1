import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantTableData } from '../table-access';
import type { Alarms } from './alarms';
import { deadLetterQueue } from './dead-letter-queue';
import { HandlerFunction } from './handler-function';
import type { Mail } from './mail';

/** Sending at the SES account's rate: what AWS granted (production default 14 a second), and senders at once. */
export const MAIL_SENDING = {
  ratePerSecond: 14,
  /** The event source mapping's maximum concurrency (2 is its minimum); each sender takes its share of the rate. */
  senders: 2,
  /** Messages a sender gets at once: 10 mails at 7 a second is under two seconds of sending. */
  batchSize: 10,
  /** Deliveries of one message before it is dead-lettered (throttles and outages, not refusals). */
  maxReceiveCount: 5,
} as const;

const SENDER_TIMEOUT = Duration.minutes(2);

export interface MailQueueProps {
  table: ITable;
  mail: Mail;
  senderAddress: string;
  retentionYears: number;
  ratePerSecond?: number;
}

/**
 * The night's mails on their way out: the finish step queues one message per unsent mail, and the
 * sender sends each through the outbox at the SES rate, reporting a throttled or failed one back
 * (partial batch failure) so SQS delivers only that one again. What keeps failing ends in the
 * dead-letter queue; the mail stays unsent in the outbox and the next night queues it again.
 */
export class MailQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly sender: NodejsFunction;

  constructor(scope: Construct, id: string, props: MailQueueProps) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      "This queue is itself the mail queue's dead-letter queue; the mails it names stay unsent in the outbox and the next night queues them again.",
    );
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // AWS's advice for a Lambda event source: six times the function's timeout.
      visibilityTimeout: Duration.seconds(SENDER_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAIL_SENDING.maxReceiveCount },
    });

    this.sender = new HandlerFunction(this, 'Sender', {
      handler: 'mail-sender',
      description: "Sends the night's mails from the mail queue at the SES account rate",
      retentionYears: props.retentionYears,
      memorySize: 512,
      timeout: SENDER_TIMEOUT,
      environment: {
        TABLE_NAME: props.table.tableName,
        MAIL_FROM: props.senderAddress,
        SES_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
        MAIL_RATE_PER_SECOND: String(props.ratePerSecond ?? MAIL_SENDING.ratePerSecond),
        MAIL_SENDERS: String(MAIL_SENDING.senders),
      },
    }).fn;
    grantTableData(props.table, this.sender);
    props.mail.grantSend(this.sender);
    this.sender.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: MAIL_SENDING.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: MAIL_SENDING.senders,
      }),
    );
  }

  /** Who may queue mails (the night's finish step). */
  grantSend(grantee: IGrantable): void {
    this.queue.grantSendMessages(grantee);
  }

  /** Its errors alarm with the other functions' (app-stack.ts); here what only the queue knows. */
  addAlarms(alarms: Alarms): void {
    alarms.alarm('MailDeadLetters', alarms.action, {
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      description: `A mail could not be sent after ${MAIL_SENDING.maxReceiveCount} tries (throttled or SES unavailable; see the mail sender's log). It stays in the outbox and the next night queues it again; purge the dead-letter queue once seen.`,
    });
  }
}
