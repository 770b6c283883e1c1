/** A task in a role's shared queue: what an action on a report, a signal or a referral asks of a person. */

import { translate } from '../../shared/i18n';
import type {
  DUO_REPORT_TYPES,
  DUO_STATUSES,
  TASK_KINDS,
  TASK_STATUSES,
} from '../../shared/workflow/constants';
import type { Addressee } from './report';
import type { FlowKind, StepRecord } from './steps';

/** The API's task kinds but outflow: an outflow is a case of the coach's, not a task. */
export type TaskKind = Exclude<(typeof TASK_KINDS)[number], 'outflow'>;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** `admin`: the system's own tasks (a mail SES keeps refusing), about no student. */
export type TaskRole = 'attendance_officer' | 'front_office' | 'admin';

export type DuoStatus = (typeof DUO_STATUSES)[number];
export type DuoReportType = (typeof DUO_REPORT_TYPES)[number];

/** The fields of a report under the Besluit verzuimmelding, prepared for the attendance officer. */
export interface DuoDraft {
  studentId: string;
  studentName: string;
  /**
   * `luxury`: luxe verzuim, made by the attendance officer; `rmc`: an early school leaver
   * (outflow); `long_absence`: the 4-week report's ("langdurig verzuim", WEB 8.1.8a) after its
   * case found no change.
   */
  type: DuoReportType;
  addressee: Exclude<Addressee, 'none'>;
  from: string;
  to: string;
  absentDays: number;
  absentHours: number;
  absentMinutes: number;
  suspectedReason: string;
  allLessonsMissed: boolean;
  actionTaken: string;
  /** Who asked for the report (the coach); the export names the attendance officer as reporter. */
  reporter: { staffId: string; name: string; role: 'coach' | 'attendance_officer'; email: string };
}

/**
 * DUO's end date of a report: proposed by the nightly run on the first day the student attends
 * again after the report, or on the day they left; the attendance officer confirms it.
 */
export interface DuoEndDate {
  date: string;
  why: 'back_at_school' | 'left';
  proposedOn: string;
  confirmedBy?: string;
  confirmedAt?: string;
}

export interface DuoRecord {
  status?: DuoStatus;
  closedReason?: string;
  history: { status: DuoStatus; reason?: string; by: string; at: string }[];
}

/** One student on the night's 8-hour list (appendix 4: "Uitzetten vervolgacties door Verzuimbegeleider"). */
export interface EightHourLine {
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
  coachName: string;
  unauthorizedMinutes: number;
  from: string;
  to: string;
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
  /** The staff member (of the task's role) who took it or was given it; absent: nobody yet. */
  ownerId?: string;
  createdOn: string;
  dueDate?: string;
  /**
   * Officer's conversation stored before it became a case with steps (no `flow`): the nightly
   * run creates a reminder task on this date. Read only; new conversations carry `steps`.
   */
  remindOn?: string;
  /** Officer's conversation stored before the steps: the student is followed until this date. */
  followUntil?: string;
  /** Correction: the period the front office corrects; 4-week case: the run of absence signalled. */
  period?: { from: string; to: string };
  explanation: string;
  duo?: DuoDraft;
  duoRecord?: DuoRecord;
  /** The note given with the last change of status. */
  note?: string;
  /** `signal8_list`: the students who got their 8-hour signal that night, in the unit `teamId` names. */
  eightHours?: EightHourLine[];
  /** A case with steps (functions/domain/steps.ts): its flow and the steps completed so far. */
  flow?: FlowKind;
  steps?: StepRecord[];
  /** Steps the nightly run reminded of (`stepRef`): one reminder per step, however often it runs. */
  remindedSteps?: string[];
  duoEndDate?: DuoEndDate;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. Absent only on records stored before it was set. */
  expiresAt?: number;
}

/** The front office corrects registrations, administrators see to undeliverable mail; the rest is the attendance officer's. */
export const roleFor = (kind: TaskKind): TaskRole =>
  kind === 'correction' ? 'front_office' : kind === 'undeliverable_mail' ? 'admin' : 'attendance_officer';

/** The student a task is about, as a report or another task names them. */
export interface TaskSubject {
  studentId: string;
  studentName: string;
  teamId: string;
}

export interface NewTask {
  taskId: string;
  kind: TaskKind;
  about: TaskSubject;
  createdOn: string;
  explanation?: string;
  reportId?: string;
  dueDate?: string;
}

/**
 * Every task starts here: open, version 1, in its kind's role. The kind's own fields (a
 * correction's period, a DUO draft, a conversation's dates) and `expiresAt` are the caller's.
 */
export function newTask(fields: NewTask): Task {
  return {
    taskId: fields.taskId,
    kind: fields.kind,
    role: roleFor(fields.kind),
    studentId: fields.about.studentId,
    studentName: fields.about.studentName,
    teamId: fields.about.teamId,
    ...(fields.reportId ? { reportId: fields.reportId } : {}),
    status: 'open',
    createdOn: fields.createdOn,
    ...(fields.dueDate ? { dueDate: fields.dueDate } : {}),
    explanation: fields.explanation ?? '',
    version: 1,
  };
}

/** A mail SES refused for good, as an administrator's task names it. */
export interface UndeliverableMail {
  mailId: string;
  kind: string;
  to: readonly string[];
  attempts: number;
  lastError: string;
}

/**
 * The administrator's task for a mail the outbox gave up on. It is about an address, not a
 * student (administrators read no student data): the student fields stay empty.
 */
export function undeliverableMailTask(taskId: string, mail: UndeliverableMail, createdOn: string): Task {
  return newTask({
    taskId,
    kind: 'undeliverable_mail',
    about: { studentId: '', studentName: '', teamId: '' },
    createdOn,
    explanation: translate('nl', 'task.undeliverable_mail.explanation', {
      kind: mail.kind,
      to: mail.to.join(', '),
      attempts: mail.attempts,
      error: mail.lastError,
    }),
  });
}
