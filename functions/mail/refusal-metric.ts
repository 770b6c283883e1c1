import { SERVICE_NAMES } from '../service-names';
import type { MetricsPort } from '../usecases/nightly/calendar-guard';
import { isRefusal, type Mailer } from './ses-mailer';

/**
 * One mail SES refused (`isRefusal`: MessageRejected, a malformed address), the refusals the
 * outbox counts towards giving a mail up. Alarmed at once (infra/constructs/mail-alarms.ts): in
 * the SES sandbox every unverified recipient is refused ("Email address is not verified"), and
 * waiting three nights for MailGivenUp would lose those nights' mails.
 */
export const MAIL_REFUSED = 'MailRefused';

/** The services whose mailers count refusals; the alarm sums MAIL_REFUSED over these. */
export const MAIL_SENDING_SERVICES = [SERVICE_NAMES['mail-sender'], SERVICE_NAMES['task-mailer']] as const;

/**
 * The mailer, counting each refusal before the error goes on to the outbox (which records it
 * and gives the mail up after the third). Wraps any mailer, so whichever function sends counts.
 */
export function countingRefusals(mailer: Mailer, metrics: MetricsPort): Mailer {
  return {
    async send(mail) {
      try {
        return await mailer.send(mail);
      } catch (error) {
        if (isRefusal(error)) metrics.addMetric(MAIL_REFUSED, 'Count', 1);
        throw error;
      }
    },
  };
}
