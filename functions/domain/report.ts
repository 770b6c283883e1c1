/** A 16-hour report: raised by the nightly run, handled by the coach with one or more actions. */

import type { REPORT_ACTIONS } from '../../shared/workflow/constants';

export type ReportStatus = 'open' | 'conversation' | 'handled' | 'withdrawn';
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** Who receives a DUO report: the municipality's attendance officer (LPA), the RMC, or nobody. */
export type Addressee = 'lpa' | 'rmc' | 'none';

export interface AppliedAction {
  action: ReportAction;
  explanation: string;
  by: string;
  at: string;
  completedAt?: string;
  /** "Actie afgerond": the coach's outcome of their conversation. */
  outcome?: string;
  taskId?: string;
}

export interface Report {
  reportId: string;
  /** The signal that raised it (deterministic, so the nightly run creates it once). */
  signalId: string;
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
  routeX: boolean;
  addressee: Addressee;
  /** First day of absence in the window to the day the 16th hour was reached. */
  from: string;
  to: string;
  unauthorizedMinutes: number;
  absentDays: number;
  allLessonsMissed: boolean;
  /** The nightly run's as-of date that created it; the KPI counts by it. */
  createdOn: string;
  /** The coach's term: choose an action by this date (before DUO's, so the officer has time). */
  dueDate: string;
  /** DUO's legal term (5 working days after the 16th hour); absent on reports stored before it. */
  duoDeadline?: string;
  status: ReportStatus;
  actions: AppliedAction[];
  handledAt?: string;
  handledBy?: string;
  withdrawnOn?: string;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. Absent only on records stored before it was set. */
  expiresAt?: number;
}
