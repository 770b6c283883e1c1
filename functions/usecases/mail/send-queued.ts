import { createOutbox, type FlushResult } from '../../mail/outbox';
import { isRefusal, type Mailer } from '../../mail/ses-mailer';
import type { Store } from '../../store/client';

export interface MailSenderDeps {
  store: Store;
  /** Paced to this sender's share of the SES account rate (functions/wiring/mail-sender.ts). */
  mailer: Mailer;
  now?: () => Date;
}

/** One queued mail's fate: `retry` asks the queue to deliver it again later. */
export interface QueuedMailOutcome {
  mailId: string;
  retry: boolean;
  flush: FlushResult;
}

/**
 * Sends one queued mail through the outbox (`sendNow`): a mail sent before, or claimed by another
 * sender, is left alone, so a repeated message sends nothing. Throttled or failed: retried by the
 * queue. Refused by SES: not retried now; the outbox counts the refusal, the next night queues the
 * mail again, and the third refusal gives it up with an administrator's task (one try a night, as
 * before).
 */
export async function sendQueuedMail(
  deps: MailSenderDeps,
  message: { mailId: string; asOf?: string | undefined },
): Promise<QueuedMailOutcome> {
  let refused = false;
  const outbox = createOutbox({
    store: deps.store,
    ...(deps.now ? { now: deps.now } : {}),
    mailer: {
      send: async (mail) => {
        try {
          return await deps.mailer.send(mail);
        } catch (error) {
          refused = isRefusal(error);
          throw error;
        }
      },
    },
  });
  const flush = await outbox.sendNow([message.mailId], message.asOf ? { asOf: message.asOf } : {});
  const retry = flush.deferred > 0 || (flush.failed > 0 && !refused);
  return { mailId: message.mailId, retry, flush };
}
