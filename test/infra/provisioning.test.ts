import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../functions/service-names';
import { PROVISIONING_ACTIONS } from '../../infra/stacks/app-stack';
import { SYNTH_TIMEOUT_MS, type Synthesized, synthesizePresentie } from './synth';

let synth: Synthesized;
let app: Template;
let auth: Template;
beforeAll(() => {
  synth = synthesizePresentie();
  app = synth.template(synth.stacks.app);
  auth = synth.template(synth.stacks.auth);
}, SYNTH_TIMEOUT_MS);
afterAll(() => synth.cleanup());

const provisioningFunction = () => {
  const [entry] = Object.entries(
    app.findResources('AWS::Lambda::Function', {
      Properties: {
        Environment: { Variables: { POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.provisioning } },
      },
    }),
  );
  if (!entry) throw new Error('no provisioning function');
  return { id: entry[0], props: entry[1].Properties as Record<string, unknown> };
};

describe('staff provisioning in the template', () => {
  it('runs the provisioning function on staff.changed, with retries and a dead-letter queue', () => {
    const { id } = provisioningFunction();
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['presentie'], 'detail-type': ['staff.changed'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [id, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86_400 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('alarms when a staff member lands in the dead-letter queue, and on the function erroring', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      AlarmDescription: Match.stringLikeRegexp('could not be provisioned'),
      Threshold: 1,
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      AlarmDescription: Match.stringLikeRegexp('Provisioning'),
    });
  });

  it("limits the function's Cognito rights to the user pool's admin actions on staff accounts", () => {
    const { id, props } = provisioningFunction();
    expect(props.Environment).toMatchObject({ Variables: { PROVISIONING_MODE: 'cognito' } });
    const role = (props.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const policies = Object.values(
      app.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: role }] } }),
    );
    const statements = policies.flatMap(
      (p) =>
        (p.Properties as { PolicyDocument: { Statement: Array<Record<string, unknown>> } }).PolicyDocument
          .Statement,
    );
    const cognito = statements.filter((s) => JSON.stringify(s.Action).includes('cognito-idp'));
    expect(cognito).toHaveLength(1);
    expect([...((cognito[0]?.Action ?? []) as string[])].sort()).toEqual(
      PROVISIONING_ACTIONS.map((a) => `cognito-idp:${a}`).sort(),
    );
    expect(JSON.stringify(cognito[0]?.Resource)).toMatch(/StaffPool/);
    expect(id).toBeTruthy();
  });

  it('lets the webhook publish staff.changed on the bus', () => {
    app.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: SERVICE_NAMES.webhook,
          EVENT_BUS_NAME: Match.anyValue(),
        }),
      },
    });
  });

  it("sends Cognito's invitations through SES with the school's domain", () => {
    auth.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: Match.stringLikeRegexp('@'),
        SourceArn: Match.anyValue(),
      }),
    });
  });
});
