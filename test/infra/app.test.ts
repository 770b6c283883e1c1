import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../functions/service-names';
import { Alarms } from '../../infra/constructs/alarms';
import { HandlerFunction } from '../../infra/constructs/handler-function';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

let synth: Synthesized;
let app: Template;

beforeAll(() => {
  synth = synthesizePresentie();
  app = synth.template(synth.stacks.app);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

function functionsByEnv(variable: string): Array<[string, Resource]> {
  return Object.entries(
    app.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: variable } } },
    }),
  ) as Array<[string, Resource]>;
}

type Handler = 'webhook' | 'api' | 'task-mailer' | NightFunction;
type NightFunction = 'nightly-plan' | 'nightly-shard' | 'nightly-finish' | 'mail-sender';

/** The night's functions share the service name presentie-nightly: told apart by their construct path. */
const NIGHT_FUNCTION_IDS: Record<NightFunction, RegExp> = {
  'nightly-plan': /^NightlyRunPlanFunction/,
  'nightly-shard': /^NightlyRunShardFunction/,
  'nightly-finish': /^NightlyRunFinishFunction/,
  'mail-sender': /^MailQueueSenderFunction/,
};

/** The logical id of the function run as presentie-<name> (or, for the night's, as that step). */
function functionId(name: Handler): string {
  const night = NIGHT_FUNCTION_IDS[name as NightFunction];
  const found = night
    ? functionsByEnv('presentie-nightly').filter(([id]) => night.test(id))
    : functionsByEnv(`presentie-${name}`);
  expect(found).toHaveLength(1);
  return found[0]?.[0] ?? '';
}

/** All statements of the inline policies attached to a function's role. */
function statementsOf(name: Handler): Statement[] {
  const fn = app.toJSON().Resources[functionId(name)] as Resource;
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = Object.values(app.findResources('AWS::IAM::Policy')) as Resource[];
  return policies
    .filter((p) => (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === role))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

describe('the handlers', () => {
  it('run on Node.js 22 on arm64, bundled as ES modules', () => {
    for (const name of [
      'webhook',
      'api',
      'nightly-plan',
      'nightly-shard',
      'nightly-finish',
      'mail-sender',
    ] as const) {
      const fn = app.toJSON().Resources[functionId(name)] as Resource;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('get the configuration each one parses at cold start', () => {
    const env = (name: Handler) =>
      (
        (app.toJSON().Resources[functionId(name)] as Resource).Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    expect(Object.keys(env('webhook'))).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'PRESENCE_WEBHOOK_SECRET_ARN']),
    );
    // Ingestion takes no lease any more: nothing to configure for one.
    expect(Object.keys(env('webhook')).filter((k) => k.startsWith('INGEST_'))).toEqual([]);
    expect(env('api')).toMatchObject({ AUTH_MODE: 'cognito' });
    expect(Object.keys(env('api'))).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'EVENT_BUS_NAME',
        'DASHBOARD_URL',
        'COGNITO_USER_POOL_ID',
        'COGNITO_CLIENT_ID',
      ]),
    );
    expect(env('mail-sender')).toMatchObject({ MAIL_FROM: 'presentie@presentie.example.nl' });
    // Every handler writes items with an expiry, so every one gets the same retention (cdk.json: 5).
    for (const name of [
      'webhook',
      'api',
      'nightly-plan',
      'nightly-shard',
      'nightly-finish',
      'mail-sender',
    ] as const) {
      expect(env(name)).toMatchObject({ RETENTION_YEARS: '5' });
    }
    for (const name of ['nightly-plan', 'nightly-shard', 'nightly-finish'] as const) {
      expect(Object.keys(env(name))).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'EVENT_BUS_NAME', 'DASHBOARD_URL', 'MAIL_FROM']),
      );
    }
    expect(Object.keys(env('nightly-finish'))).toContain('MAIL_QUEUE_URL');
    expect(Object.keys(env('mail-sender'))).toEqual(
      expect.arrayContaining(['TABLE_NAME', 'SES_CONFIGURATION_SET', 'MAIL_RATE_PER_SECOND', 'MAIL_SENDERS']),
    );
  });

  it('run under the service name their logger and metrics use (functions/service-names.ts)', () => {
    for (const name of ['webhook', 'api', 'task-mailer'] as const) {
      expect(functionsByEnv(SERVICE_NAMES[name])).toHaveLength(1);
    }
    // The night's three steps and its mail sender: one service, so the nightly alarms see all their metrics.
    expect(functionsByEnv(SERVICE_NAMES['nightly-plan'])).toHaveLength(4);
  });
});

describe('the retention of a deployment', () => {
  it('reaches a handler as RETENTION_YEARS, whatever the context says', () => {
    const stack = new Stack(new App(), 'Retention');
    new HandlerFunction(stack, 'Webhook', {
      handler: 'webhook',
      description: 'retention test',
      environment: { TABLE_NAME: 'table' },
      retentionYears: 7,
      memorySize: 256,
      timeout: Duration.seconds(3),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ RETENTION_YEARS: '7', TABLE_NAME: 'table' }) },
    });
  });
});

describe('least privilege', () => {
  it('never grants a DynamoDB action on every resource, nor every DynamoDB action', () => {
    const policies = Object.values(app.findResources('AWS::IAM::Policy')) as Resource[];
    const statements = policies.flatMap(
      (p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo.length).toBeGreaterThanOrEqual(3);
    for (const statement of dynamo) {
      expect([statement.Resource].flat()).not.toContain('*');
      expect(JSON.stringify(statement.Resource)).not.toMatch(/index\/\*/);
      expect(actionsOf([statement])).not.toContain('dynamodb:*');
    }
  });

  it('lets the webhook read and write the table, read its secret and publish staff.changed, nothing else', () => {
    const actions = actionsOf(statementsOf('webhook'));
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        'dynamodb:Query',
        'secretsmanager:GetSecretValue',
        'events:PutEvents',
      ]),
    );
    expect(actions.some((a) => a.startsWith('ses:') || a.startsWith('cognito-idp:'))).toBe(false);
  });

  it('lets the API read and write the table and publish domain events, but not mail or read secrets', () => {
    const actions = actionsOf(statementsOf('api'));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem', 'events:PutEvents']),
    );
    expect(actions.some((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toBe(false);
  });

  it("lets the night's steps use the table and publish events, but not mail; only the finish queues mails", () => {
    for (const name of ['nightly-plan', 'nightly-shard', 'nightly-finish'] as const) {
      const actions = actionsOf(statementsOf(name));
      expect(actions).toEqual(
        expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'events:PutEvents']),
      );
      expect(actions.some((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toBe(false);
      expect(actions.includes('sqs:SendMessage')).toBe(name === 'nightly-finish');
    }
  });

  it('lets the mail sender send mail only from the sender address, through the identity and configuration set', () => {
    const statements = statementsOf('mail-sender');
    const actions = actionsOf(statements);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'ses:SendEmail']));
    expect(actions.some((a) => a.startsWith('events:'))).toBe(false);
    expect(actions.some((a) => a.startsWith('secretsmanager:'))).toBe(false);
    const ses = statements.find((s) => actionsOf([s]).includes('ses:SendEmail'));
    expect(ses?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'presentie@presentie.example.nl' } });
    const resources = JSON.stringify(ses?.Resource);
    expect([ses?.Resource].flat()).not.toContain('*');
    // In the SES sandbox SES authorizes the recipients' identities too: by default every identity
    // of the account and region, the sender pinned by the condition (first-deploy.test.ts).
    expect(resources).toMatch(/identity\/\*/);
    expect(resources).toMatch(/configuration-set\//);
  });
});

describe('the task mailer', () => {
  it('is invoked by a rule on the domain-event bus for task.created, retried, then parked in an encrypted dead-letter queue', () => {
    const rules = Object.values(
      app.findResources('AWS::Events::Rule', {
        Properties: { EventPattern: { 'detail-type': ['task.created'], source: ['presentie'] } },
      }),
    ) as Resource[];
    expect(rules).toHaveLength(1);
    const target = (rules[0]?.Properties.Targets as Record<string, unknown>[] | undefined)?.[0] ?? {};
    expect(target).toMatchObject({
      Arn: { 'Fn::GetAtt': [functionId('task-mailer'), 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: 4 },
      DeadLetterConfig: { Arn: expect.anything() },
    });
    const dlq = (target.DeadLetterConfig as { Arn: { 'Fn::GetAtt': [string, string] } }).Arn['Fn::GetAtt'][0];
    const queue = app.toJSON().Resources[dlq] as Resource;
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  it('may send mail from the sender address and use the table, but not publish events or read secrets', () => {
    const actions = actionsOf(statementsOf('task-mailer'));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'ses:SendEmail']),
    );
    expect(actions.some((a) => a.startsWith('events:') || a.startsWith('secretsmanager:'))).toBe(false);
    expect(
      (app.toJSON().Resources[functionId('task-mailer')] as Resource).Properties.Environment,
    ).toMatchObject({ Variables: { MAIL_FROM: 'presentie@presentie.example.nl', RETENTION_YEARS: '5' } });
  });
});

describe('the HTTP API', () => {
  const route = (routeKey: string) => {
    const found = Object.values(
      app.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }),
    );
    expect(found).toHaveLength(1);
    return (found[0] as Resource).Properties;
  };

  it('accepts the presence webhook without a JWT (the handler verifies its signature)', () => {
    expect(route('POST /webhooks/presence').AuthorizationType).toBe('NONE');
  });

  it('requires a Cognito JWT for every /api route except the OpenAPI document', () => {
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
    for (const method of methods) {
      const api = route(`${method} /api/{proxy+}`);
      expect(api.AuthorizationType).toBe('JWT');
      const authorizer = (api.AuthorizerId as { Ref: string }).Ref;
      expect((app.toJSON().Resources[authorizer] as Resource).Properties.AuthorizerType).toBe('JWT');
    }
    expect(route('GET /api/openapi.json').AuthorizationType).toBe('NONE');
    const routeKeys = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as Resource).Properties.RouteKey as string,
    );
    expect(routeKeys.sort()).toEqual(
      [
        ...methods.map((m) => `${m} /api/{proxy+}`),
        'GET /api/openapi.json',
        'POST /webhooks/presence',
      ].sort(),
    );
  });

  it('has no ANY or OPTIONS route, and no CORS: the dashboard calls the API on its own origin', () => {
    const routeKeys = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => (r as Resource).Properties.RouteKey as string,
    );
    expect(routeKeys.filter((key) => /^(ANY|OPTIONS) /.test(key))).toEqual([]);
    const apis = Object.values(synth.template(synth.stacks.web).findResources('AWS::ApiGatewayV2::Api'));
    expect(apis).toHaveLength(1);
    expect((apis[0] as Resource).Properties.CorsConfiguration).toBeUndefined();
  });

  it('hands both handlers the HTTP API payload format 2.0', () => {
    const integrations = Object.values(app.findResources('AWS::ApiGatewayV2::Integration')) as Resource[];
    expect(integrations.length).toBeGreaterThanOrEqual(2);
    for (const integration of integrations) {
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
    }
  });

  it('checks the tokens against the staff user pool and the dashboard client', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [Match.anyValue()],
        Issuer: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^https://cognito-idp\\.')])] },
      },
    });
  });

  it('logs access', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});

describe('the outputs docs/deploy.md refers to', () => {
  it('name the API, the webhook URL, the function names and the DKIM records', () => {
    const outputs = Object.keys(app.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining([
        'ApiUrl',
        'WebhookUrl',
        'WebhookFunctionName',
        'NightlyStateMachineArn',
        'EventBusName',
        'DkimRecord1',
        'DkimRecord2',
        'DkimRecord3',
      ]),
    );
    app.hasOutput('WebhookUrl', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/webhooks/presence$')])] },
    });
  });
});

describe('mail and events', () => {
  it('sends through a verified domain identity with a configuration set that tracks reputation', () => {
    app.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'presentie.example.nl' });
    app.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    app.resourceCountIs('AWS::Events::EventBus', 1);
  });
});

describe('alarms', () => {
  it('mail the operator when an alarm e-mail is configured, and only then', () => {
    const build = (email?: string) => {
      const stack = new Stack(new App(), 'Alarms');
      const fn = new LambdaFunction(stack, 'Fn', {
        runtime: Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: Code.fromInline('export const handler = async () => {};'),
      });
      const queue = new Queue(stack, 'Dlq');
      new Alarms(stack, 'Alarms', {
        functions: { Fn: fn },
        nightly: fn,
        deadLetterQueue: queue,
        ...(email ? { email } : {}),
      });
      return Template.fromStack(stack);
    };
    build('beheer@school.nl').hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'beheer@school.nl',
    });
    build().resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('fire when a handler fails or a mail is parked in a dead-letter queue', () => {
    const errorAlarms = app.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'Errors' } });
    // Webhook, API, the night's plan, shard and finish, its mail sender, task mailer, staff
    // provisioning, and the archive's planner and worker.
    expect(Object.keys(errorAlarms)).toHaveLength(10);
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  it('fire when the nightly run did not happen within 26 hours (its plan not invoked), even with no data at all', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      Namespace: 'AWS/Lambda',
      Period: 26 * 3600,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'breaching',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId('nightly-plan') } }],
    });
  });

  it('fire when the school calendar ends within 8 weeks, on the weeks the nightly run reports', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Presentie',
      MetricName: 'CalendarWeeksLeft',
      Dimensions: [{ Name: 'service', Value: 'presentie-nightly' }],
      Statistic: 'Minimum',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 8,
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
    // The dimension is the service name the nightly plan's metrics carry.
    const nightly = app.toJSON().Resources[functionId('nightly-plan')] as Resource;
    expect(nightly.Properties).toMatchObject({
      Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'presentie-nightly' } },
    });
  });

  it('fire when a nightly run was skipped because its date lies beyond the calendar', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Presentie',
      MetricName: 'NightlyOutsideCalendar',
      Dimensions: [{ Name: 'service', Value: 'presentie-nightly' }],
      Statistic: 'Sum',
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      AlarmActions: [{ Ref: Match.anyValue() }],
    });
  });

  it('fire before SES bounce or complaint rates reach the levels at which AWS reviews the account', () => {
    const bounce = app.findResources('AWS::CloudWatch::Alarm', {
      Properties: { Namespace: 'AWS/SES', MetricName: 'Reputation.BounceRate' },
    });
    const complaint = app.findResources('AWS::CloudWatch::Alarm', {
      Properties: { Namespace: 'AWS/SES', MetricName: 'Reputation.ComplaintRate' },
    });
    const threshold = (found: Record<string, unknown>) =>
      (Object.values(found)[0] as Resource | undefined)?.Properties.Threshold as number;
    expect(threshold(bounce)).toBeLessThan(0.05);
    expect(threshold(complaint)).toBeLessThan(0.001);
  });

  it('notify through an SNS topic that only accepts TLS', () => {
    app.resourceCountIs('AWS::SNS::Topic', 1);
    app.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
