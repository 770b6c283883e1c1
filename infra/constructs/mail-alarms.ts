import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { MAIL_REFUSED, MAIL_SENDING_SERVICES } from '../../functions/mail/refusal-metric';
import { METRICS_NAMESPACE } from '../../functions/middleware/observability';
import type { Alarms } from './alarms';
import { type Mail, SES_EVENTS_DIMENSION } from './mail';

const PERIOD = Duration.minutes(5);

/**
 * A mail SES refuses raises an alarm at once, not after the outbox gives it up on the third
 * night (MailGivenUp): in the sandbox, or with an unverified domain, every mail is refused.
 * Two sources: the send call refused (MAIL_REFUSED, counted by each sending function's mailer),
 * and SES's own Reject events of the configuration set (a mail accepted, then refused).
 */
export function addMailAlarms(alarms: Alarms, props: { mail: Mail }): void {
  const refused = Object.fromEntries(
    MAIL_SENDING_SERVICES.map((service, index) => [
      `refused${index}`,
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: MAIL_REFUSED,
        dimensionsMap: { service },
        period: PERIOD,
        statistic: 'Sum',
      }),
    ]),
  );
  alarms.alarm('MailRefused', alarms.action, {
    metric: new MathExpression({
      expression: Object.keys(refused)
        .map((id) => `FILL(${id}, 0)`)
        .join(' + '),
      usingMetrics: refused,
      period: PERIOD,
      label: 'Mails SES refused',
    }),
    threshold: 1,
    description:
      'SES refused a mail (MessageRejected or a bad address; lastError on the mail item). On a new account: still in the SES sandbox, or the recipient or the domain is not verified (docs/deploy.md). The outbox tries again on the next two nights, then gives the mail up.',
  });
  alarms.alarm('SesRejects', alarms.action, {
    metric: new Metric({
      namespace: 'AWS/SES',
      metricName: 'Reject',
      dimensionsMap: { [SES_EVENTS_DIMENSION]: props.mail.configurationSet.configurationSetName },
      period: PERIOD,
      statistic: 'Sum',
    }),
    threshold: 1,
    description:
      'SES accepted a mail of the configuration set and then rejected it (virus scan or policy); it was not delivered. See the SES console for the message.',
  });
}
