import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { MailMessage } from '../mail/mail-queue';
import type { FlushResult } from '../mail/outbox';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { type MailSenderDeps, sendQueuedMail } from '../usecases/mail/send-queued';
import { MAIL_DEFERRED, MAIL_GIVEN_UP, MAIL_SEND_FAILURES } from '../usecases/nightly/run-metrics';

/**
 * The night's mails, one SQS message each (`{ mailId, asOf }`), sent through the outbox at this
 * sender's share of the SES rate. A throttled or failed mail is reported back as a partial batch
 * failure, so SQS delivers only that one again (and dead-letters it after the queue's receives).
 */

const { logger, metrics, middleware } = observability('mail-sender');

/** The sender's metrics, for the mailer's refusal count (mail/refusal-metric.ts). */
export const mailSenderMetrics = metrics;

export const MAILS_SENT = 'MailsSent';

/** SQS reads only `batchItemFailures`; `flush` is what the batch did, for the log and the local driver. */
export type MailSenderResponse = SQSBatchResponse & { flush: FlushResult };

export function createMailSenderHandler(loadDeps: () => MailSenderDeps | Promise<MailSenderDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<SQSEvent, MailSenderResponse, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const senderDeps = await deps();
      const flush: FlushResult = { sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 };
      const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
      // One at a time: the mailer paces them to the rate anyway, and a throttle should not cascade.
      for (const record of event.Records) {
        const message = parseMessage(record.body);
        if (!message) {
          // Cannot succeed: it goes to the dead-letter queue after its receives, where an operator sees it.
          logger.error('not a mail message', { messageId: record.messageId });
          batchItemFailures.push({ itemIdentifier: record.messageId });
          continue;
        }
        try {
          const outcome = await sendQueuedMail(senderDeps, message);
          for (const key of Object.keys(flush) as (keyof FlushResult)[]) flush[key] += outcome.flush[key];
          if (outcome.retry) batchItemFailures.push({ itemIdentifier: record.messageId });
        } catch (error) {
          logger.error('mail not sent', { mailId: message.mailId, error: error as Error });
          flush.failed++;
          batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      }
      metrics.addMetric(MAILS_SENT, 'Count', flush.sent);
      metrics.addMetric(MAIL_SEND_FAILURES, 'Count', flush.failed);
      metrics.addMetric(MAIL_DEFERRED, 'Count', flush.deferred);
      metrics.addMetric(MAIL_GIVEN_UP, 'Count', flush.givenUp);
      logger.info('mail batch', {
        messages: event.Records.length,
        retried: batchItemFailures.length,
        ...flush,
      });
      return { batchItemFailures, flush };
    });
}

function parseMessage(body: string): MailMessage | undefined {
  try {
    const parsed = MailMessage.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
