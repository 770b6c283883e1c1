import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_SENDING_SERVICES } from '../../functions/mail/refusal-metric';
import { readDeployConfig } from '../../infra/config';
import { Mail } from '../../infra/constructs/mail';
import { REPO_ROOT } from '../../infra/paths';
import { createPresentie } from '../../infra/presentie';
import { DashboardNotBuiltError, SiteStack } from '../../infra/stacks/site-stack';
import { WebStack } from '../../infra/stacks/web-stack';
import { cdkJsonContext, SYNTH_TIMEOUT_MS } from './synth';

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
type CfnTemplate = {
  Resources?: Record<string, Resource>;
  Outputs?: Record<string, { Export?: { Name: unknown } }>;
};

/**
 * The properties that give a resource a physical name unique in the account and region (or
 * globally: buckets, CloudFront). Scoped names (a Cognito group in its pool, a stage of its API,
 * a metric name) cannot collide between copies and are not listed.
 */
const NAME_PROPERTIES: Record<string, string[]> = {
  'AWS::S3::Bucket': ['BucketName'],
  'AWS::DynamoDB::Table': ['TableName'],
  'AWS::Logs::LogGroup': ['LogGroupName'],
  'AWS::SES::ConfigurationSet': ['Name'],
  'AWS::SES::EmailIdentity': ['EmailIdentity'],
  'AWS::Cognito::UserPool': ['UserPoolName'],
  'AWS::Cognito::UserPoolDomain': ['Domain'],
  'AWS::WAFv2::WebACL': ['Name'],
  'AWS::CloudWatch::Alarm': ['AlarmName'],
  'AWS::CloudWatch::CompositeAlarm': ['AlarmName'],
  'AWS::CloudWatch::Dashboard': ['DashboardName'],
  'AWS::Scheduler::Schedule': ['Name'],
  'AWS::Scheduler::ScheduleGroup': ['Name'],
  'AWS::SSM::Parameter': ['Name'],
  'AWS::Events::EventBus': ['Name'],
  'AWS::Events::Rule': ['Name'],
  'AWS::SQS::Queue': ['QueueName'],
  'AWS::SNS::Topic': ['TopicName'],
  'AWS::Lambda::Function': ['FunctionName'],
  'AWS::IAM::Role': ['RoleName'],
  'AWS::IAM::ManagedPolicy': ['ManagedPolicyName'],
  'AWS::SecretsManager::Secret': ['Name'],
  'AWS::StepFunctions::StateMachine': ['StateMachineName'],
  'AWS::Pipes::Pipe': ['Name'],
  'AWS::KMS::Alias': ['AliasName'],
  'AWS::CloudFront::Function': ['Name'],
  'AWS::CloudFront::ResponseHeadersPolicy': ['ResponseHeadersPolicyConfig.Name'],
  'AWS::CloudFront::OriginAccessControl': ['OriginAccessControlConfig.Name'],
  'AWS::CloudFront::CachePolicy': ['CachePolicyConfig.Name'],
  'AWS::CloudFront::OriginRequestPolicy': ['OriginRequestPolicyConfig.Name'],
};

const valueAt = (properties: Record<string, unknown> | undefined, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], properties);

/**
 * A name built from another resource's generated name (`/aws/lambda/<Ref fn>`) or from another
 * stack's output is new with every copy and every re-creation; pseudo parameters (account,
 * region) are the same for two copies in one account.
 */
function isDerived(name: unknown): boolean {
  const text = JSON.stringify(name);
  const refs = [...text.matchAll(/"Ref":"([^"]+)"/g)].map((m) => m[1] ?? '');
  return (
    refs.some((ref) => !ref.startsWith('AWS::')) ||
    text.includes('Fn::GetAtt') ||
    text.includes('Fn::GetStackOutput') ||
    text.includes('Fn::ImportValue')
  );
}

/** Every fixed physical name and export name in the templates, as `<type> <name>`. */
function fixedNames(templates: CfnTemplate[]): { key: string; retained: boolean; where: string }[] {
  const names: { key: string; retained: boolean; where: string }[] = [];
  for (const template of templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      for (const path of NAME_PROPERTIES[resource.Type] ?? []) {
        const name = valueAt(resource.Properties, path);
        if (name === undefined || isDerived(name)) continue;
        const retained = [resource.DeletionPolicy, resource.UpdateReplacePolicy].some(
          (policy) => policy === 'Retain' || policy === 'RetainExceptOnCreate',
        );
        names.push({ key: `${resource.Type} ${JSON.stringify(name)}`, retained, where: logicalId });
      }
    }
    for (const [outputId, output] of Object.entries(template.Outputs ?? {})) {
      if (output.Export && !isDerived(output.Export.Name))
        names.push({ key: `Export ${JSON.stringify(output.Export.Name)}`, retained: false, where: outputId });
    }
  }
  return names;
}

/** Two copies of the system in one account and region: the school's and its test copy. */
const SECOND_COPY = {
  stackPrefix: 'PresentieTest',
  // Both are names the operator chooses per copy (docs/deploy.md, "A second copy").
  authDomainPrefix: 'presentie-example-test',
  domain: 'test.presentie.example.nl',
  senderAddress: 'presentie@test.presentie.example.nl',
};

let outdir: string;
let first: CfnTemplate[];
let second: CfnTemplate[];
let app: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'presentie-copies-'));
  const context = { ...cdkJsonContext(), dashboardBuild: 'optional' };
  const twoCopies = new App({ outdir, context });
  const stacks = createPresentie(twoCopies, readDeployConfig(twoCopies.node));
  const secondConfig = readDeployConfig(new App({ context: { ...context, ...SECOND_COPY } }).node);
  const secondStacks = createPresentie(twoCopies, secondConfig);
  const assembly = twoCopies.synth();
  const templatesOf = (copy: typeof stacks) =>
    Object.values(copy).map((stack) => assembly.getStackByName(stack.stackName).template as CfnTemplate);
  first = templatesOf(stacks);
  second = templatesOf(secondStacks);
  app = Template.fromJSON(assembly.getStackByName(stacks.app.stackName).template);
}, SYNTH_TIMEOUT_MS);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('a second copy in the same account and region (another stackPrefix)', () => {
  it('shares no physical name with the first', () => {
    // The names the copy's own settings give (mail domain, sign-in prefix) are seen, and differ.
    expect(fixedNames(first).map((name) => name.key)).toEqual(
      expect.arrayContaining([
        'AWS::SES::EmailIdentity "presentie.example.nl"',
        'AWS::Cognito::UserPoolDomain "presentie-example"',
      ]),
    );
    const taken = new Map(fixedNames(first).map((name) => [name.key, name.where]));
    const clashes = fixedNames(second)
      .filter((name) => taken.has(name.key))
      .map((name) => `${name.key} (${taken.get(name.key)} and ${name.where})`);
    expect(clashes).toEqual([]);
  });

  it('names the copy in what it does fix (the dashboard bucket)', () => {
    const buckets = fixedNames(second).filter((name) => name.key.startsWith('AWS::S3::Bucket'));
    expect(buckets.map((b) => b.key)).toEqual([expect.stringContaining('presentietest-dashboard-')]);
  });
});

describe('a stack deleted and deployed again', () => {
  it('finds no retained resource holding a fixed name it needs', () => {
    // Retained resources (table, webhook secret, user pool, the deployment log group) have
    // generated or derived names, so a new deployment creates new ones beside them.
    const retainedWithFixedName = fixedNames(first).filter((name) => name.retained);
    expect(retainedWithFixedName).toEqual([]);
    const retained = first.flatMap((t) =>
      Object.values(t.Resources ?? {}).filter((r) => r.DeletionPolicy === 'Retain'),
    );
    expect(retained.map((r) => r.Type)).toEqual(
      expect.arrayContaining([
        'AWS::DynamoDB::Table',
        'AWS::Cognito::UserPool',
        'AWS::SecretsManager::Secret',
      ]),
    );
  });

  it('empties and deletes the dashboard bucket, whose fixed name the next deploy takes again', () => {
    const web = Template.fromJSON(
      first.find((t) => JSON.stringify(t).includes('AWS::CloudFront::Distribution')) ?? {},
    );
    web.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    web.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });
});

describe('sending in the SES sandbox', () => {
  const sendStatements = () =>
    Object.values(app.findResources('AWS::IAM::Policy'))
      .flatMap(
        (p) =>
          (p as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties
            .PolicyDocument.Statement,
      )
      .filter((s) => s.Action === 'ses:SendEmail');

  it('lets the mail functions send to any verified identity of the account and region, from the sender only', () => {
    const statements = sendStatements();
    // The nightly function and the task mailer.
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      expect(statement.Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'presentie@presentie.example.nl' },
      });
      const resources = JSON.stringify(statement.Resource);
      expect(resources).toContain(':identity/*');
      expect(resources).toContain(':configuration-set/');
    }
  });

  const grantWith = (sesSandboxRecipients: string) => {
    const config = readDeployConfig(new App({ context: { ...cdkJsonContext(), sesSandboxRecipients } }).node);
    const stack = new Stack(new App(), 'MailOnly', { env: { region: 'eu-central-1' } });
    const mail = new Mail(stack, 'Mail', {
      domain: config.domain,
      senderAddress: config.senderAddress,
      recipients: config.sesSandboxRecipients,
    });
    mail.grantSend(new Role(stack, 'Sender', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') }));
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    return JSON.stringify(policy);
  };

  it('names only the listed test recipients besides the domain, or the domain alone after production access', () => {
    const listed = grantWith('tester@school.example, school.example');
    expect(listed).toContain(':identity/presentie.example.nl');
    expect(listed).toContain(':identity/tester@school.example');
    expect(listed).toContain(':identity/school.example');
    expect(listed).not.toContain(':identity/*');
    const production = grantWith('none');
    expect(production).toContain(':identity/presentie.example.nl');
    expect(production).not.toMatch(/:identity\/(\*|tester)/);
  });

  it('refuses a recipient list with something that is not an address or a domain', () => {
    expect(() => grantWith('tester@school.example, not an identity')).toThrow(
      /not an e-mail address or domain/,
    );
  });
});

describe('a mail SES refuses', () => {
  it('raises an alarm on the topic at the first refusal, counted by every function that sends', () => {
    const alarms = Object.entries(app.findResources('AWS::CloudWatch::Alarm'))
      .filter(([logicalId]) => logicalId.startsWith('AlarmsMailRefused'))
      .map(([, alarm]) => alarm as { Properties: Record<string, unknown> });
    expect(alarms).toHaveLength(1);
    const [alarm] = alarms;
    expect(alarm?.Properties).toMatchObject({
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }],
    });
    const metrics = JSON.stringify(alarm?.Properties.Metrics);
    for (const service of MAIL_SENDING_SERVICES) expect(metrics).toContain(`"Value":"${service}"`);
    expect(metrics).toContain('"MetricName":"MailRefused"');
    expect(metrics).toContain('"Namespace":"Presentie"');
  });

  it("publishes SES's own Reject and Bounce events of the configuration set, and alarms on a Reject", () => {
    app.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') },
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['reject', 'bounce']),
        CloudWatchDestination: Match.anyValue(),
      }),
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SES',
      MetricName: 'Reject',
      Dimensions: [
        { Name: 'ses:configuration-set', Value: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
      ],
      Threshold: 1,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
  });
});

describe('npm run deploy', () => {
  it('builds the dashboard before it deploys', () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.deploy).toMatch(/^npm run build:web && cdk deploy /);
  });

  it('refuses to synthesize a site without the built dashboard, unless told it is only a check', () => {
    const missing = join(outdir, 'no-dashboard-here');
    const site = (requireDashboardBuild: boolean) => {
      const scope = new App({ context: cdkJsonContext() });
      const web = new WebStack(scope, 'Web', {
        stackPrefix: 'Presentie',
        authDomainPrefix: 'school',
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/presentie/0000',
      });
      return new SiteStack(scope, 'Site', {
        stackPrefix: 'Presentie',
        distribution: web.distribution,
        dashboardDir: missing,
        requireDashboardBuild,
        config: {
          apiUrl: '/',
          region: 'eu-central-1',
          authMode: 'cognito',
          cognito: { userPoolId: 'pool', clientId: 'client', domain: 'https://school.auth.example' },
        },
      });
    };
    expect(() => site(true)).toThrow(DashboardNotBuiltError);
    expect(() => site(true)).toThrow(/npm run build:web/);
    expect(site(false).includesDashboardBuild).toBe(false);
    // A deploy requires it unless the context says otherwise.
    expect(readDeployConfig(new App({ context: cdkJsonContext() }).node).dashboardBuild).toBe('required');
  });
});
