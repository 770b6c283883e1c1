import type { Store } from '../store/client';
import { claimMail, listUnsent, markFailed, markSent, recordMail } from '../store/outbox-repository';
import { isThrottling, type Mailer } from './ses-mailer';
import { type MailRequest, renderMail, type TemplateId } from './templates';

/** Long enough for SES's backoff on one mail; a crashed run's claims free up after it. */
const LEASE_MS = 10 * 60 * 1000;

export interface FlushResult {
  sent: number;
  failed: number;
  /** Left for the next run because SES kept throttling. */
  deferred: number;
}

export interface Outbox {
  /** Renders and records a mail (deterministic id). False if that mail was recorded before. */
  enqueue<T extends TemplateId>(request: MailRequest<T>): Promise<boolean>;
  /** Sends every unsent mail, including those a previous run failed to send. */
  flush(): Promise<FlushResult>;
}

export interface OutboxOptions {
  store: Store;
  mailer: Mailer;
  now?: () => Date;
  /** Sends in flight at once; the mailer paces them to the SES rate. */
  concurrency?: number;
}

/**
 * Record first, claim, send, mark sent last: a crash or an SES failure leaves the mail unsent in
 * the outbox, and the next run sends it; the claim keeps two overlapping runs from both sending
 * it. The only window for a duplicate is a crash between SES accepting a mail and the mark, one
 * conditional write later (SES has no idempotency key); we prefer that to losing a mail.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  return {
    enqueue(request) {
      return recordMail(options.store, renderMail(request), now().toISOString());
    },
    async flush() {
      const result: FlushResult = { sent: 0, failed: 0, deferred: 0 };
      let throttled = false;
      const unsent = listUnsent(options.store);
      const worker = async () => {
        for (;;) {
          const next = await unsent.next();
          if (next.done) return;
          const mail = next.value;
          if (throttled) {
            result.deferred++;
            continue;
          }
          const at = now();
          const lease = new Date(at.getTime() + LEASE_MS).toISOString();
          if (!(await claimMail(options.store, mail.id, at.toISOString(), lease))) continue;
          try {
            const messageId = await options.mailer.send(mail);
            if (await markSent(options.store, mail.id, messageId, now().toISOString())) result.sent++;
          } catch (error) {
            if (isThrottling(error)) throttled = true;
            result.failed++;
            await markFailed(options.store, mail.id, error instanceof Error ? error.message : String(error));
          }
        }
      };
      // One generator shared by the workers: calls to next() queue up, so no mail is taken twice.
      await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
      return result;
    },
  };
}
