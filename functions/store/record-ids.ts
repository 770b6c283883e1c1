import { createHash } from 'node:crypto';
import type { MailKind } from '../mail/types';

/**
 * Every id of the records Presentie writes, beside the keys (`keys.ts`) that hold them: the
 * domain's own (reports, tasks, cases; pure, in `functions/domain/ids.ts`) and the mails'. A
 * replay of the same signal, action or date finds the record or mail it made before, so stored
 * data and idempotency depend on these strings staying byte for byte the same.
 */

export * from '../domain/ids';

/** The mail telling one person of a role about a task. */
export const taskMailId = (taskId: string, staffId: string): string => `${taskId}:${staffId}`;

/** A manager's reminder to a coach: one per coach per day, whoever sends it. */
export const coachReminderMailId = (coachId: string, date: string): string => `reminder:${coachId}:${date}`;

/**
 * The one mail of a template (of `kind`) a reader gets from the nightly run of `asOf`; the
 * address stays out of the id (only a digest of it, lowercased, goes in).
 */
export const nightlyMailId = (asOf: string, template: string, kind: MailKind, to: string): string =>
  `nightly:${asOf}:${template}:${digest(`${kind}\u0000${to.toLowerCase()}`)}`;

/** Short and stable. */
const digest = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** The coach's feedback mail on the `stepCount`-th step of a task's case: one per feedback record. */
export const feedbackMailId = (taskId: string, stepCount: number): string =>
  `${taskId}.feedback.${stepCount}`;
