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
  'reminder',
  'case',
  'deadline',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type Locale = 'nl' | 'en';

/** A mail as it leaves the outbox: rendered once, so a retry sends exactly the same text. */
export interface OutgoingMail {
  /** Deterministic: the same signal or event always yields the same id, so it is recorded once. */
  id: string;
  kind: MailKind;
  to: string[];
  /** The students the mail is about (none for a mail about no student). */
  studentIds?: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * Kinds whose point is the student's attendance from now on: once every student a mail is about
 * has left, such a mail still unsent is cancelled. A report, a withdrawal, a task or the outflow
 * case concern a record that outlives the leaving, so those mails still go.
 */
export const CANCELLED_WHEN_LEFT: ReadonlySet<MailKind> = new Set([
  'signal8',
  'signal4w',
  'sick',
  'frequent',
]);
