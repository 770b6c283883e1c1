import type { MetricsPort } from './calendar-guard';
import type { NightlyResult } from './run-nightly';

/**
 * The metrics every nightly run emits about what it could not do, named once for the handler and
 * for the alarms on them (infra/constructs/alarms.ts). Each is emitted on every run, zero
 * included, so an alarm sees a quiet night as healthy rather than as missing data.
 */

/** Students whose evaluation failed this run (recorded, evaluated again by the next run). */
export const NIGHTLY_STUDENT_FAILURES = 'NightlyStudentFailures';
/** Sends from the outbox that failed this run (the mail stays unsent and is tried again). */
export const MAIL_SEND_FAILURES = 'MailSendFailures';
/** Mails left for the next run because SES kept throttling. */
export const MAIL_DEFERRED = 'MailDeferred';
/** Mails given up after repeated SES refusals: each is an administrator's task now. */
export const MAIL_GIVEN_UP = 'MailGivenUp';

export function reportRunMetrics(metrics: MetricsPort, result: NightlyResult): void {
  metrics.addMetric(NIGHTLY_STUDENT_FAILURES, 'Count', result.failedStudents);
  metrics.addMetric(MAIL_SEND_FAILURES, 'Count', result.flush.failed);
  metrics.addMetric(MAIL_DEFERRED, 'Count', result.flush.deferred);
  metrics.addMetric(MAIL_GIVEN_UP, 'Count', result.flush.givenUp);
}
