/** The records of a report's life: reports, the tasks their actions create, outflow cases, audit entries. */

import type { DUO_STATUSES, REPORT_ACTIONS, TASK_KINDS } from '../../../shared/api/constants';

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
  dueDate: string;
  status: ReportStatus;
  actions: AppliedAction[];
  handledAt?: string;
  handledBy?: string;
  withdrawnOn?: string;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. Absent only on records stored before it was set. */
  expiresAt?: number;
}

/** The API's task kinds but outflow: an outflow is a case of the coach's, not a task. */
export type TaskKind = Exclude<(typeof TASK_KINDS)[number], 'outflow'>;
export type TaskStatus = 'open' | 'in_progress' | 'done';
export type TaskRole = 'attendance_officer' | 'front_office';

export type DuoStatus = (typeof DUO_STATUSES)[number];

/** The fields of a report under the Besluit verzuimmelding, prepared for the attendance officer. */
export interface DuoDraft {
  studentId: string;
  studentName: string;
  type: '16_hours_in_4_weeks';
  addressee: Exclude<Addressee, 'none'>;
  from: string;
  to: string;
  absentDays: number;
  absentHours: number;
  absentMinutes: number;
  suspectedReason: string;
  allLessonsMissed: boolean;
  actionTaken: string;
  reporter: { staffId: string; name: string; role: 'coach'; email: string };
}

export interface DuoRecord {
  status?: DuoStatus;
  closedReason?: string;
  history: { status: DuoStatus; reason?: string; by: string; at: string }[];
}

export interface Task {
  taskId: string;
  kind: TaskKind;
  role: TaskRole;
  studentId: string;
  studentName: string;
  teamId: string;
  reportId?: string;
  status: TaskStatus;
  createdOn: string;
  dueDate?: string;
  /** Officer's conversation: the nightly run creates a reminder task on this date. */
  remindOn?: string;
  /** Officer's conversation: the student is followed until this date. */
  followUntil?: string;
  /** Correction: the period the front office corrects. */
  period?: { from: string; to: string };
  explanation: string;
  duo?: DuoDraft;
  duoRecord?: DuoRecord;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. Absent only on records stored before it was set. */
  expiresAt?: number;
}

export interface OutflowCase {
  caseId: string;
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
  leftOn: string;
  /** Entree and level 2 also involve the outflow counsellor. */
  involveCounsellor: boolean;
  status: 'open' | 'done';
  createdOn: string;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. */
  expiresAt?: number;
}

/**
 * What a record needs to be created: its `expiresAt` (DynamoDB TTL, epoch seconds), from
 * `studentItemExpiry` (functions/store/retention.ts). It travels with the record through every
 * read-modify-write, and `rewriteStudentExpiry` replaces it when the student leaves.
 */
export type Expiring<T> = T & { expiresAt: number };

export interface AuditEntry {
  /** `student`: a read of a student's data on the dashboard (who looked, when, at what). */
  entity: 'report' | 'task' | 'case' | 'student';
  entityId: string;
  at: string;
  by: string;
  what: string;
  before: unknown;
  after: unknown;
}
