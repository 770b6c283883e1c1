/** The SES `kind` tag: one per kind of message, so that deliveries can be counted per kind. */
export const MAIL_KINDS = [
  'signal8',
  'report16',
  'signal4w',
  'sick',
  'frequent',
  'outflow',
  'withdrawn',
  'task',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type Locale = 'nl' | 'en';

/** A mail as it leaves the outbox: rendered once, so a retry sends exactly the same text. */
export interface OutgoingMail {
  /** Deterministic: the same signal or event always yields the same id, so it is recorded once. */
  id: string;
  kind: MailKind;
  to: string[];
  subject: string;
  text: string;
  html: string;
}
