import { randomUUID } from 'node:crypto';
import type { Signal } from '../../shared/policy';

/**
 * The ids of the domain's records: reports, tasks and outflow cases. Deterministic where they can
 * be: a replay of the same signal, action or date finds the record it made before, so stored data
 * depends on these strings staying byte for byte the same. Pure, so the life cycle names the task
 * an action creates with them; `functions/store/record-ids.ts` re-exports them beside the mail ids.
 */

/** Ids built from outside values keep only word characters, dots and dashes. */
const safe = (id: string): string => id.replace(/[^\w.-]/g, '_');

/** A 16-hour report: one per student and period start, however often the signal is found again. */
export const reportIdFor = (signal: Pick<Signal, 'studentId' | 'period'>): string =>
  safe(`${signal.studentId}.${signal.period.from}`);

/** The task a 4-week, sickness or suspension signal asks for: the signal's own id. */
export const signalTaskId = (signal: Pick<Signal, 'id'>): string => safe(`${signal.id}`);

/** The task the `actionIndex`-th action on a report creates. */
export const actionTaskId = (reportId: string, actionIndex: number): string => `${reportId}.a${actionIndex}`;

/** The reminder of an officer's conversation task. */
export const reminderTaskId = (conversationTaskId: string): string => `${conversationTaskId}.reminder`;

/** A coach's referral: each one is new, so its id is random. */
export const referralTaskId = (): string => `referral-${randomUUID()}`;

/** The night's 8-hour list of an institution: one per unit and date. */
export const eightHourListId = (unitId: string, asOf: string): string =>
  safe(`signal8-list.${unitId}.${asOf}`);

/** A luxury-absence report the attendance officer makes: each one is new. */
export const luxuryTaskId = (): string => `luxury-${randomUUID()}`;

/** The outflow case of a student who left on `leftOn`. */
export const outflowCaseId = (studentId: string, leftOn: string): string => `${studentId}.outflow.${leftOn}`;

/** The DUO task of an outflow case's RMC report: one per case. */
export const outflowRmcTaskId = (caseId: string): string => `${caseId}.rmc`;

/**
 * A domain event's outbox id (also its published `eventId`): one per change, so a retry of the
 * change writes no second event. `change` names the change within its subject (a version, a date).
 */
export const domainEventId = (type: string, subjectId: string, change = ''): string =>
  safe(`${type}.${subjectId}${change ? `.${change}` : ''}`);

/** The administrator's task for a mail the outbox gave up on: one per mail. */
export const undeliverableMailTaskId = (mailId: string): string => `undeliverable.${safe(mailId)}`;
