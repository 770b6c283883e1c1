import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { LIMITS } from '../config';
import { Alarms } from '../constructs/alarms';
import { addApiAlarms } from '../constructs/api-alarms';
import { deadLetterQueue } from '../constructs/dead-letter-queue';
import { HandlerFunction } from '../constructs/handler-function';
import { PresentieHttpApi } from '../constructs/http-api';
import { LessonArchive } from '../constructs/lesson-archive';
import { Mail } from '../constructs/mail';
import { addMailAlarms } from '../constructs/mail-alarms';
import { MailQueue } from '../constructs/mail-queue';
import { NightlyRun } from '../constructs/nightly-run';
import { TaskMailer } from '../constructs/task-mailer';
import type { SesRecipients } from '../ses-recipients';
import { grantTableData } from '../table-access';

const WEBHOOK_TIMEOUT_SECONDS = 29;

export interface AppStackProps extends StackProps {
  table: ITable;
  webhookSecret: ISecret;
  /** The bare HTTP API the web stack serves under /api; this stack adds its routes and stage. */
  httpApi: IHttpApi;
  userPoolId: string;
  /** The staff pool's ARN: the provisioning function's admin actions are limited to it. */
  userPoolArn: string;
  userPoolClientId: string;
  /** The Entra ID client of the user pool, when staff federate (its tokens are accepted too). */
  entraClientId?: string;
  dashboardUrl: string;
  domain: string;
  senderAddress: string;
  /** Recipient identities the send grant names while SES is in the sandbox (ses-recipients.ts). */
  sesRecipients?: SesRecipients;
  alarmEmail?: string;
  /** RETENTION_YEARS of every handler (the `retentionYears` context value). */
  retentionYears: number;
}

export { NIGHTLY_SCHEDULE } from '../constructs/nightly-run';

/** The code and its wiring: handlers, HTTP API, nightly schedule, mail, domain events, alarms. */
export class AppStack extends Stack {
  readonly api: PresentieHttpApi;
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);

    this.bus = new EventBus(this, 'DomainEvents', { description: 'Presentie domain events' });
    const mail = new Mail(this, 'Mail', {
      domain: props.domain,
      senderAddress: props.senderAddress,
      ...(props.sesRecipients ? { recipients: props.sesRecipients } : {}),
    });

    const webhook = new HandlerFunction(this, 'Webhook', {
      handler: 'webhook',
      description: 'Presence webhook: verifies the signature and ingests lesson registrations',
      retentionYears: props.retentionYears,
      memorySize: 512,
      reservedConcurrentExecutions: LIMITS.webhookReservedConcurrency,
      // The HTTP API waits at most 30 s: a delivery still running then is a 5xx the sender retries.
      timeout: Duration.seconds(WEBHOOK_TIMEOUT_SECONDS),
      environment: {
        TABLE_NAME: props.table.tableName,
        PRESENCE_WEBHOOK_SECRET_ARN: props.webhookSecret.secretArn,
        // staff.changed goes here: the provisioning rule below picks it up.
        EVENT_BUS_NAME: this.bus.eventBusName,
      },
    }).fn;
    grantTableData(props.table, webhook);
    this.bus.grantPutEventsTo(webhook);
    props.webhookSecret.grantRead(webhook);

    const api = new HandlerFunction(this, 'Api', {
      handler: 'api',
      description: 'Dashboard API',
      retentionYears: props.retentionYears,
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        TABLE_NAME: props.table.tableName,
        EVENT_BUS_NAME: this.bus.eventBusName,
        DASHBOARD_URL: props.dashboardUrl,
        AUTH_MODE: 'cognito',
        COGNITO_USER_POOL_ID: props.userPoolId,
        COGNITO_CLIENT_ID: [props.userPoolClientId, props.entraClientId].filter(Boolean).join(' '),
      },
    }).fn;
    grantTableData(props.table, api);
    this.bus.grantPutEventsTo(api);

    const mailQueue = new MailQueue(this, 'MailQueue', {
      table: props.table,
      mail,
      senderAddress: props.senderAddress,
      retentionYears: props.retentionYears,
    });
    const nightly = new NightlyRun(this, 'NightlyRun', {
      table: props.table,
      bus: this.bus,
      mailQueue,
      dashboardUrl: props.dashboardUrl,
      senderAddress: props.senderAddress,
      retentionYears: props.retentionYears,
    });

    // Closed school years' lessons to S3 (issue #12); the API reads them back for the access export.
    const archive = new LessonArchive(this, 'LessonArchive', {
      table: props.table,
      retentionYears: props.retentionYears,
    });
    archive.grantRead(api);

    const taskMailer = new TaskMailer(this, 'TaskMailer', {
      bus: this.bus,
      table: props.table,
      mail,
      dashboardUrl: props.dashboardUrl,
      senderAddress: props.senderAddress,
      retentionYears: props.retentionYears,
    });

    const provisioning = this.provisioning(props);

    this.api = new PresentieHttpApi(this, 'Http', {
      httpApi: props.httpApi,
      webhook,
      api,
      userPoolId: props.userPoolId,
      userPoolClientId: props.userPoolClientId,
      ...(props.entraClientId ? { entraClientId: props.entraClientId } : {}),
    });

    const alarms = new Alarms(this, 'Alarms', {
      functions: {
        Webhook: webhook,
        Api: api,
        NightlyPlan: nightly.plan,
        NightlyShard: nightly.shard,
        NightlyFinish: nightly.finish,
        MailSender: mailQueue.sender,
        TaskMailer: taskMailer.fn,
        Provisioning: provisioning.fn,
        ArchivePlanner: archive.planner,
        ArchiveWorker: archive.worker,
      },
      nightly: nightly.plan,
      ...(props.alarmEmail ? { email: props.alarmEmail } : {}),
    });
    addApiAlarms(alarms, { api: this.api });
    addMailAlarms(alarms, { mail });
    taskMailer.addAlarms(alarms);
    nightly.addAlarms(alarms);
    mailQueue.addAlarms(alarms);
    archive.addAlarms(alarms);
    alarms.alarm('ProvisioningDeadLetters', alarms.action, {
      metric: provisioning.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      description:
        'A staff member could not be provisioned after the retries (staff.changed in the dead-letter queue); see the provisioning log, then send the event to the bus again.',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'WebhookUrl', { value: this.api.webhookUrl });
    new CfnOutput(this, 'WebhookFunctionName', { value: webhook.functionName });
    // The three CNAME records that verify the mail domain (docs/deploy.md, "Verifying the SES identity").
    mail.identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, { value: `${record.name} CNAME ${record.value}` });
    });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    // Replay a date: start an execution with { "date": "YYYY-MM-DD" } (docs/operations.md).
    new CfnOutput(this, 'ArchiveBucketName', { value: archive.bucket.bucketName });
    new CfnOutput(this, 'NightlyStateMachineArn', { value: nightly.stateMachine.stateMachineArn });
  }

  /**
   * Staff provisioning: `staff.changed` on the bus (published by the webhook) runs the function,
   * which creates, updates or disables the staff member's Cognito account, or with Entra ID keeps
   * only the mapping. Retried by the rule; what still fails lands in its dead-letter queue.
   */
  private provisioning(props: AppStackProps) {
    const deadLetters = deadLetterQueue(
      this,
      'ProvisioningDeadLetters',
      'This queue is itself the dead-letter queue of the provisioning rule; its events are replayed by hand.',
    );
    const fn = new HandlerFunction(this, 'Provisioning', {
      handler: 'provisioning',
      description: 'Staff provisioning: a sign-in account per staff member, from staff.changed',
      retentionYears: props.retentionYears,
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: {
        TABLE_NAME: props.table.tableName,
        PROVISIONING_MODE: props.entraClientId ? 'entra' : 'cognito',
        COGNITO_USER_POOL_ID: props.userPoolId,
      },
    }).fn;
    grantTableData(props.table, fn);
    // The user pool's admin actions on staff accounts, on this pool only.
    fn.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: PROVISIONING_ACTIONS.map((a) => `cognito-idp:${a}`),
        resources: [props.userPoolArn],
      }),
    );
    new Rule(this, 'StaffChangedRule', {
      description: 'staff.changed -> staff provisioning',
      eventBus: this.bus,
      eventPattern: { source: ['presentie'], detailType: ['staff.changed'] },
      targets: [
        new LambdaFunction(fn, {
          retryAttempts: 8,
          maxEventAge: Duration.hours(24),
          deadLetterQueue: deadLetters,
        }),
      ],
    });
    return { fn, deadLetters };
  }
}

/** What provisioning may do in the user pool (functions/provisioning/cognito.ts), nothing more. */
export const PROVISIONING_ACTIONS = [
  'AdminCreateUser',
  'AdminUpdateUserAttributes',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminListGroupsForUser',
  'AdminDisableUser',
  'AdminEnableUser',
] as const;
