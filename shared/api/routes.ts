import { z } from 'zod';
import { AccessExport } from './access-export';
import {
  AdminPage,
  Done,
  NoticesPosted,
  PostNoticeBody,
  SaveCalendarBody,
  SaveProfileBody,
  SettingSaved,
  WithdrawNoticeBody,
} from './admin';
import { StudentReads } from './audit';
import { LocalSignInBody, LocalSignInResult, LocalStaffList } from './auth';
import { BulkActionBody, BulkActionResult, CoachStudents } from './coach';
import { ApiError, Me } from './common';
import { ImportBatchBody, ImportBatchResult } from './import';
import { KpiPage } from './kpi';
import { LuxuryHints, LuxuryReportBody } from './luxury';
import { OutflowCases, OutflowStepBody } from './outflow';
import { Overview } from './overviews';
import { ROUTE_PATHS } from './paths';
import {
  ApplyActionBody,
  CoachPage,
  CoachReminder,
  CompleteConversationBody,
  ReferralBody,
  ReportDetail,
  ReportList,
} from './reports';
import { StudentPage } from './student';
import { CompleteStepBody, Letter, LetterList, TaskDetail } from './tasks';
import { DuoEndDateBody, DuoStatusBody, TaskOwnerBody, TaskStatusBody, Worklist } from './worklist';

/**
 * The API's routes in one table: the handler's router, the OpenAPI document and the web
 * client's paths and types all come from here (the paths by way of `paths.ts`, which the web
 * client imports without zod), so they cannot drift apart.
 */
export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  /** Roles that may call it at all; finer scope (own students, units below) is checked per route. */
  roles: readonly string[] | 'public';
  body?: z.ZodType;
  query?: readonly string[];
  response: z.ZodType | 'csv';
}

const everyone = ['coach', 'manager', 'attendance_officer', 'front_office', 'admin'] as const;
// The administrator administers (notices, calendar, norm profiles, mail previews) and reads no
// student data: no route below that returns students, reports, tasks or their numbers has `admin`.
const readers = ['coach', 'manager', 'attendance_officer'] as const;
const oversight = ['manager', 'attendance_officer'] as const;
const officers = ['attendance_officer'] as const;
// An administrator's worklist holds only the system's own tasks (a mail that cannot be
// delivered), which are about no student; the route narrows the kinds by role.
const worklistRoles = ['attendance_officer', 'front_office', 'admin'] as const;

export const API_ROUTES = {
  me: { ...ROUTE_PATHS.me, summary: 'Who is signed in', roles: everyone, response: Me },
  kpi: {
    ...ROUTE_PATHS.kpi,
    summary: 'KPI per org unit as of last night, with the trend',
    roles: oversight,
    response: KpiPage,
  },
  unitReports: {
    ...ROUTE_PATHS.unitReports,
    summary:
      'Every open report of a unit and everything below it (live, any age), overdue first, with coach names and counts per coach',
    roles: oversight,
    response: ReportList,
  },
  remindCoach: {
    ...ROUTE_PATHS.remindCoach,
    summary:
      "Mail a coach a reminder of their students' open reports in the unit (audited; one per coach per day, else 409)",
    roles: ['manager'],
    response: CoachReminder,
  },
  coach: {
    ...ROUTE_PATHS.coach,
    summary: "Coach's start page: open 16-hour reports of the team, oldest first",
    roles: ['coach', 'manager'],
    response: CoachPage,
  },
  report: {
    ...ROUTE_PATHS.report,
    summary: 'A report with the lessons behind it',
    roles: readers,
    response: ReportDetail,
  },
  applyAction: {
    ...ROUTE_PATHS.applyAction,
    summary: 'Apply one of the five actions to a 16-hour report',
    roles: ['coach'],
    body: ApplyActionBody,
    response: ReportDetail,
  },
  completeConversation: {
    ...ROUTE_PATHS.completeConversation,
    summary: "Tick 'actie afgerond' after the coach's own conversation, with its outcome",
    roles: ['coach'],
    body: CompleteConversationBody,
    response: ReportDetail,
  },
  referral: {
    ...ROUTE_PATHS.referral,
    summary: 'Refer a student to the attendance officer',
    roles: ['coach'],
    body: ReferralBody,
    response: z.object({ taskId: z.string() }),
  },
  student: {
    ...ROUTE_PATHS.student,
    summary: "A student's attendance, signals and reports",
    roles: readers,
    response: StudentPage,
  },
  studentReads: {
    ...ROUTE_PATHS.studentReads,
    summary: "Who saw a student's data: the reads on the student's audit trail, newest first",
    roles: ['attendance_officer'],
    response: StudentReads,
  },
  accessExport: {
    ...ROUTE_PATHS.accessExport,
    summary:
      'Everything held about one student (AVG art. 15), audited as a read; ?format=html: the same as a printable Dutch document',
    roles: officers,
    response: AccessExport,
  },
  worklist: {
    ...ROUTE_PATHS.worklist,
    summary:
      "Attendance officer's or front office's open tasks, by due date; filtered by kind, unit and owner (mine, nobody, a staff id)",
    roles: worklistRoles,
    response: Worklist,
  },
  worklistCsv: {
    ...ROUTE_PATHS.worklistCsv,
    summary: 'The same worklist (same filters, same order) as CSV',
    roles: worklistRoles,
    response: 'csv',
  },
  taskOwner: {
    ...ROUTE_PATHS.taskOwner,
    summary: 'Take a task, give it to a colleague of its role, or give it back (ownerId null)',
    roles: worklistRoles,
    body: TaskOwnerBody,
    response: z.object({ ok: z.literal(true) }),
  },
  taskStatus: {
    ...ROUTE_PATHS.taskStatus,
    summary: 'Change the status of a task',
    roles: worklistRoles,
    body: TaskStatusBody,
    response: z.object({ ok: z.literal(true) }),
  },
  duoStatus: {
    ...ROUTE_PATHS.duoStatus,
    summary: "Record DUO's status of a DUO report task",
    roles: officers,
    body: DuoStatusBody,
    response: z.object({ ok: z.literal(true) }),
  },
  task: {
    ...ROUTE_PATHS.task,
    summary:
      'A task in detail: the student, the report, the steps of its case, attendance while followed, letters',
    roles: worklistRoles,
    response: TaskDetail,
  },
  completeStep: {
    ...ROUTE_PATHS.completeStep,
    summary: "Complete the current step of a task's case",
    roles: worklistRoles,
    body: CompleteStepBody,
    response: TaskDetail,
  },
  letters: {
    ...ROUTE_PATHS.letters,
    summary:
      'Letters the cases made (invitations), archived for the auditor; from/to default to this school year',
    roles: officers,
    response: LetterList,
  },
  letter: {
    ...ROUTE_PATHS.letter,
    summary: 'One archived letter with its text (HTML)',
    roles: officers,
    response: Letter,
  },
  duoEndDate: {
    ...ROUTE_PATHS.duoEndDate,
    summary: 'Confirm (or correct) the end date DUO asks of a report once the student is back or has left',
    roles: officers,
    body: DuoEndDateBody,
    response: z.object({ ok: z.literal(true) }),
  },
  duoExport: {
    ...ROUTE_PATHS.duoExport,
    summary: 'Every DUO report DUO has not finished with, with its status and end date, as CSV',
    roles: officers,
    response: 'csv',
  },
  coachOutflow: {
    ...ROUTE_PATHS.coachOutflow,
    summary:
      "The coach's outflow cases (every student of theirs who left), open and closed, with their steps",
    roles: ['coach'],
    response: OutflowCases,
  },
  outflowStep: {
    ...ROUTE_PATHS.outflowStep,
    summary:
      'Tick a step of an outflow case (STS-B, counsellor, RMC report: a DUO draft of type rmc, closed)',
    roles: ['coach'],
    body: OutflowStepBody,
    response: OutflowCases,
  },
  luxuryReport: {
    ...ROUTE_PATHS.luxuryReport,
    summary: 'Report luxury absence to DUO (a DUO task with a draft of type luxury)',
    roles: officers,
    body: LuxuryReportBody,
    response: z.object({ taskId: z.string() }),
  },
  luxuryHints: {
    ...ROUTE_PATHS.luxuryHints,
    summary: 'Possible luxury absence: unauthorized absence on the school day before or after a holiday',
    roles: officers,
    response: LuxuryHints,
  },
  overview: {
    ...ROUTE_PATHS.overview,
    summary: 'Rapportages: signals, reports, sickness and presence per student',
    roles: oversight,
    response: Overview,
  },
  overviewCsv: {
    ...ROUTE_PATHS.overviewCsv,
    summary: 'The same overview as CSV',
    roles: oversight,
    response: 'csv',
  },
  admin: {
    ...ROUTE_PATHS.admin,
    summary: 'Portal notices, calendar, norm profiles and mail previews',
    roles: ['admin'],
    response: AdminPage,
  },
  postNotice: {
    ...ROUTE_PATHS.postNotice,
    summary: 'Post a portal notice on a date or each date of a range (audited)',
    roles: ['admin'],
    body: PostNoticeBody,
    response: NoticesPosted,
  },
  withdrawNotice: {
    ...ROUTE_PATHS.withdrawNotice,
    summary: 'Withdraw a portal notice (audited; 409 when it is not there)',
    roles: ['admin'],
    body: WithdrawNoticeBody,
    response: Done,
  },
  saveCalendar: {
    ...ROUTE_PATHS.saveCalendar,
    summary:
      'Store the school calendar (audited); refused (422, in Dutch, naming the dates) with gaps, overlaps or days outside its years; applies from the next nightly run',
    roles: ['admin'],
    body: SaveCalendarBody,
    response: SettingSaved,
  },
  saveNormProfile: {
    ...ROUTE_PATHS.saveNormProfile,
    summary:
      "Change a norm profile's editable values (audited); the law's values and out-of-bounds values are refused (422); applies from the next nightly run",
    roles: ['admin'],
    body: SaveProfileBody,
    response: SettingSaved,
  },
  // The administrator imports the school's exports; the answers name rows and refusals, never
  // show stored student data (an unknown student number is one of the file's own values).
  importDryRun: {
    ...ROUTE_PATHS.importDryRun,
    summary: 'Import, dry run: one batch of rows checked and turned into events, nothing stored',
    roles: ['admin'],
    body: ImportBatchBody,
    response: ImportBatchResult,
  },
  importRun: {
    ...ROUTE_PATHS.importRun,
    summary: 'Import: one batch of rows ingested as contract events (idempotent), audited',
    roles: ['admin'],
    body: ImportBatchBody,
    response: ImportBatchResult,
  },
  localStaff: {
    ...ROUTE_PATHS.localStaff,
    summary: 'Local sign-in: the staff one may sign in as (AUTH_MODE=local only)',
    roles: 'public',
    response: LocalStaffList,
  },
  localSignIn: {
    ...ROUTE_PATHS.localSignIn,
    summary: 'Local sign-in: a token for one staff member (AUTH_MODE=local only)',
    roles: 'public',
    body: LocalSignInBody,
    response: LocalSignInResult,
  },
  openapi: {
    ...ROUTE_PATHS.openapi,
    summary: 'This document',
    roles: 'public',
    response: z.record(z.string(), z.unknown()),
  },
  // Part L (#13).
  coachStudents: {
    ...ROUTE_PATHS.coachStudents,
    summary:
      "Mijn studenten: per own student the unauthorized minutes of the current 16-hour window, the last signal and the 'bijna 8 / 16 uur' marks",
    roles: ['coach'],
    response: CoachStudents,
  },
  bulkAction: {
    ...ROUTE_PATHS.bulkAction,
    summary:
      'Apply one action to several reports: each through the same use case, in its own commit with its own audit entry; per report ok or refused (reason in Dutch)',
    roles: ['coach'],
    body: BulkActionBody,
    response: BulkActionResult,
  },
} as const satisfies Record<keyof typeof ROUTE_PATHS, RouteSpec>;

export type RouteName = keyof typeof API_ROUTES;
export { ApiError };

type Schema<S> = S extends z.ZodType ? z.output<S> : never;
/** What a route answers, from its zod schema (a type only: the web client imports no zod). */
export type RouteResponse<N extends RouteName> = Schema<(typeof API_ROUTES)[N]['response']>;
/** The body a route takes, from its zod schema. */
export type RouteBody<N extends RouteName> = (typeof API_ROUTES)[N] extends { body: infer B }
  ? z.input<B & z.ZodType>
  : never;
