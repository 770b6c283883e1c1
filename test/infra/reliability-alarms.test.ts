import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { beforeAll, describe, it } from 'vitest';
import {
  MAIL_DEFERRED,
  MAIL_GIVEN_UP,
  MAIL_SEND_FAILURES,
  NIGHTLY_STUDENT_FAILURES,
} from '../../functions/usecases/nightly/run-metrics';
import { Alarms } from '../../infra/constructs/alarms';

/** The Alarms construct alone (no bundling): what the nightly run cannot do reaches the operator. */
let template: Template;
beforeAll(() => {
  const stack = new Stack(new App(), 'Reliability');
  const fn = new LambdaFunction(stack, 'Fn', {
    runtime: Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: Code.fromInline('export const handler = async () => {};'),
  });
  new Alarms(stack, 'Alarms', {
    functions: { Fn: fn },
    nightly: fn,
    deadLetterQueue: new Queue(stack, 'Dlq'),
  });
  template = Template.fromStack(stack);
});

const alarmOn = (metricName: string) =>
  template.hasResourceProperties('AWS::CloudWatch::Alarm', {
    Namespace: 'Presentie',
    MetricName: metricName,
    Dimensions: [{ Name: 'service', Value: 'presentie-nightly' }],
    Statistic: 'Sum',
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    Threshold: 1,
    TreatMissingData: 'notBreaching',
    AlarmActions: [{ Ref: Match.anyValue() }],
  });

describe('alarms on what the nightly run could not do', () => {
  it('fire when a student could not be evaluated', () => alarmOn(NIGHTLY_STUDENT_FAILURES));
  it('fire when a mail could not be sent', () => alarmOn(MAIL_SEND_FAILURES));
  it('fire when mails were left for the next night because SES kept throttling', () =>
    alarmOn(MAIL_DEFERRED));
  it('fire when a mail was given up (an administrator has a task)', () => alarmOn(MAIL_GIVEN_UP));
});
