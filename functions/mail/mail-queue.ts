import { z } from 'zod';

/**
 * Where the night's mails go to be sent: each id becomes one message for the mail sender
 * (functions/handlers/mail-sender.ts), which sends it through the outbox at the SES rate. The
 * mail itself stays in the outbox, so a message lost or sent twice loses or doubles nothing.
 */
export interface MailQueue {
  send(mailIds: readonly string[], options?: MailQueueOptions): Promise<void>;
}

export interface MailQueueOptions {
  /** The night the mails belong to: who has left by then, and the date of an administrator's task. */
  asOf?: string;
}

/** One queued mail: its outbox id, and the night it belongs to (absent: the sender's yesterday). */
export const MailMessage = z.object({ mailId: z.string().min(1), asOf: z.iso.date().optional() });
export type MailMessage = z.infer<typeof MailMessage>;

export const mailMessages = (mailIds: readonly string[], options: MailQueueOptions = {}): MailMessage[] =>
  mailIds.map((mailId) => ({ mailId, ...(options.asOf ? { asOf: options.asOf } : {}) }));
