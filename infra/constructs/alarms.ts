import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE } from '../../functions/middleware/observability';
import {
  CALENDAR_WEEKS_LEFT,
  NIGHTLY_OUTSIDE_CALENDAR,
  NIGHTLY_SERVICE,
} from '../../functions/usecases/nightly/calendar-metrics';
import {
  MAIL_DEFERRED,
  MAIL_GIVEN_UP,
  MAIL_SEND_FAILURES,
  NIGHTLY_STUDENT_FAILURES,
} from '../../functions/usecases/nightly/run-metrics';
import { CALENDAR_WARNING_WEEKS } from '../../shared/calendar/horizon';
import { acknowledge } from '../nag';

export interface AlarmsProps {
  functions: Record<string, IFunction>;
  /** The night's first step: no invocation in the window means no night. */
  nightly: IFunction;
  /** A dead-letter queue of the night, when it has one (the state machine alarms on its own: nightly-run.ts). */
  deadLetterQueue?: IQueue;
  email?: string;
}

/** The nightly run starts at 05:30; 26 hours leaves room for daylight saving and a late retry. */
export const NIGHTLY_MISSED_WINDOW = Duration.hours(26);

/**
 * What an operator must hear about: a handler failing, work parked in the dead-letter queue,
 * a night without evaluation, and SES reputation drifting towards a sending pause.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  /** Publishes to the topic; alarms added elsewhere (api-alarms.ts) notify through it too. */
  readonly action: IAlarmAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    this.topic = new Topic(this, 'Topic', { displayName: 'Presentie alarms', enforceSSL: true });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    acknowledge(this.topic, {
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarm actions cannot publish to a topic encrypted with the AWS managed SNS key; the messages carry only alarm names and metric values, no personal data.',
    });
    const action = new SnsAction(this.topic);
    this.action = action;

    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, action, {
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        description: `The ${name} handler threw an error (see its log group).`,
      });
    }

    if (props.deadLetterQueue)
      this.alarm('DeadLetters', action, {
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
        threshold: 1,
        description:
          'A nightly run failed after its retries and is parked in the dead-letter queue; replay it with { date }.',
      });

    // No invocation in the window is the failure; no data at all (nothing ran) counts as breaching.
    this.alarm('NightlyMissed', action, {
      metric: props.nightly.metricInvocations({ period: NIGHTLY_MISSED_WINDOW, statistic: 'Sum' }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
      description: 'The nightly evaluation did not run in the last 26 hours.',
    });

    // The nightly run reports the calendar's weeks left; without the next school year it would
    // soon have no school days to count. A missing run is NightlyMissed's concern, not this one's.
    this.alarm('CalendarEndingSoon', action, {
      metric: nightlyMetric(CALENDAR_WEEKS_LEFT, 'Minimum'),
      threshold: CALENDAR_WARNING_WEEKS,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      description: `The school calendar ends within ${CALENDAR_WARNING_WEEKS} weeks: add the next school year to shared/calendar/data.`,
    });
    this.alarm('NightlyOutsideCalendar', action, {
      metric: nightlyMetric(NIGHTLY_OUTSIDE_CALENDAR, 'Sum'),
      threshold: 1,
      description:
        'A nightly run was skipped: its date lies outside the school calendar. Add the school year, deploy, and replay the missed dates with { date }.',
    });

    // AWS reviews an account at 5 % bounces or 0.1 % complaints; warn before that.
    this.alarm('SesBounceRate', action, {
      metric: sesReputation('Reputation.BounceRate'),
      threshold: 0.04,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: 'SES bounce rate at or above 4 % (AWS reviews the account at 5 %).',
    });
    this.alarm('SesComplaintRate', action, {
      metric: sesReputation('Reputation.ComplaintRate'),
      threshold: 0.0008,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      description: 'SES complaint rate at or above 0.08 % (AWS reviews the account at 0.1 %).',
    });

    this.nightlyFailureAlarms(action);
  }

  /**
   * What a nightly run survived but could not do: each is counted by the run (run-metrics.ts) and
   * retried by the next one, so an alarm is the only way an operator hears of it.
   */
  private nightlyFailureAlarms(action: IAlarmAction): void {
    const failures: [string, string, string][] = [
      [
        'NightlyStudentFailures',
        NIGHTLY_STUDENT_FAILURES,
        'The nightly run could not evaluate one or more students (logged with their ids; items NIGHTLY#FAILED); the next run tries them again.',
      ],
      [
        'MailSendFailures',
        MAIL_SEND_FAILURES,
        'Mails from the outbox failed to send (lastError on the mail item); the next run tries them again.',
      ],
      [
        'MailDeferred',
        MAIL_DEFERRED,
        'SES kept throttling: mails were left in the outbox for the next run. Check the account sending quota.',
      ],
      [
        'MailGivenUp',
        MAIL_GIVEN_UP,
        'SES refused a mail on three nights; it is no longer tried and an administrator has an undeliverable_mail task.',
      ],
    ];
    for (const [id, metricName, description] of failures) {
      this.alarm(id, action, { metric: nightlyMetric(metricName, 'Sum'), threshold: 1, description });
    }
  }

  /** One alarm on the topic; 1 evaluation period, missing data not breaching unless told. */
  alarm(
    id: string,
    action: IAlarmAction,
    props: {
      metric: IMetric;
      threshold: number;
      description: string;
      comparisonOperator?: ComparisonOperator;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      metric: props.metric,
      threshold: props.threshold,
      evaluationPeriods: 1,
      comparisonOperator: props.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: props.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      alarmDescription: props.description,
    });
    alarm.addAlarmAction(action);
    return alarm;
  }
}

function nightlyMetric(metricName: string, statistic: string): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName,
    dimensionsMap: { service: NIGHTLY_SERVICE },
    period: NIGHTLY_MISSED_WINDOW,
    statistic,
  });
}

function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
}
