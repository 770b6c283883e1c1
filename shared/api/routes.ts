import { z } from 'zod';
import { AdminPage } from './admin';
import { LocalSignInBody, LocalSignInResult, LocalStaffList } from './auth';
import { ApiError, Me } from './common';
import { KpiPage } from './kpi';
import { Overview } from './overviews';
import { ApplyActionBody, CoachPage, ReferralBody, ReportDetail, ReportList } from './reports';
import { StudentPage } from './student';
import { DuoStatusBody, TaskStatusBody, Worklist } from './worklist';

/**
 * The API's routes in one table: the handler's router, the OpenAPI document and the web
 * client's types all come from here, so they cannot drift apart.
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
const readers = ['coach', 'manager', 'attendance_officer', 'admin'] as const;
const oversight = ['manager', 'attendance_officer', 'admin'] as const;
const officers = ['attendance_officer', 'admin'] as const;

export const API_ROUTES = {
  me: { method: 'GET', path: '/api/me', summary: 'Who is signed in', roles: everyone, response: Me },
  kpi: {
    method: 'GET',
    path: '/api/kpi',
    summary: 'KPI per org unit as of last night, with the trend',
    roles: oversight,
    response: KpiPage,
  },
  unitReports: {
    method: 'GET',
    path: '/api/units/{unitId}/open-reports',
    summary: 'Unhandled 16-hour reports of a unit and everything below it',
    roles: oversight,
    query: ['cursor'],
    response: ReportList,
  },
  coach: {
    method: 'GET',
    path: '/api/coach',
    summary: "Coach's start page: open 16-hour reports of the team, oldest first",
    roles: ['coach', 'manager', 'admin'],
    query: ['teamId', 'cursor'],
    response: CoachPage,
  },
  report: {
    method: 'GET',
    path: '/api/reports/{reportId}',
    summary: 'A report with the lessons behind it',
    roles: readers,
    response: ReportDetail,
  },
  applyAction: {
    method: 'POST',
    path: '/api/reports/{reportId}/action',
    summary: 'Apply one of the five actions to a 16-hour report',
    roles: ['coach'],
    body: ApplyActionBody,
    response: ReportDetail,
  },
  completeConversation: {
    method: 'POST',
    path: '/api/reports/{reportId}/complete',
    summary: "Tick 'actie afgerond' after the coach's own conversation",
    roles: ['coach'],
    response: ReportDetail,
  },
  referral: {
    method: 'POST',
    path: '/api/students/{studentId}/referrals',
    summary: 'Refer a student to the attendance officer',
    roles: ['coach'],
    body: ReferralBody,
    response: z.object({ taskId: z.string() }),
  },
  student: {
    method: 'GET',
    path: '/api/students/{studentId}',
    summary: "A student's attendance, signals and reports",
    roles: readers,
    response: StudentPage,
  },
  worklist: {
    method: 'GET',
    path: '/api/worklist',
    summary: "Attendance officer's or front office's open tasks",
    roles: ['attendance_officer', 'front_office', 'admin'],
    query: ['kind', 'cursor'],
    response: Worklist,
  },
  taskStatus: {
    method: 'POST',
    path: '/api/tasks/{taskId}/status',
    summary: 'Change the status of a task',
    roles: ['attendance_officer', 'front_office', 'admin'],
    body: TaskStatusBody,
    response: z.object({ ok: z.literal(true) }),
  },
  duoStatus: {
    method: 'POST',
    path: '/api/tasks/{taskId}/duo',
    summary: "Record DUO's status of a DUO report task",
    roles: officers,
    body: DuoStatusBody,
    response: z.object({ ok: z.literal(true) }),
  },
  duoExport: {
    method: 'GET',
    path: '/api/duo/export.csv',
    summary: 'Reports to submit to DUO, as CSV',
    roles: officers,
    response: 'csv',
  },
  overview: {
    method: 'GET',
    path: '/api/overviews/{kind}',
    summary: 'Rapportages: signals, reports, sickness and presence per student',
    roles: oversight,
    query: ['unitId', 'from', 'to', 'cursor'],
    response: Overview,
  },
  overviewCsv: {
    method: 'GET',
    path: '/api/overviews/{kind}/csv',
    summary: 'The same overview as CSV',
    roles: oversight,
    query: ['unitId', 'from', 'to'],
    response: 'csv',
  },
  admin: {
    method: 'GET',
    path: '/api/admin',
    summary: 'Portal notices, calendar, norm profiles and mail previews',
    roles: ['admin'],
    response: AdminPage,
  },
  localStaff: {
    method: 'GET',
    path: '/api/auth/local/staff',
    summary: 'Local sign-in: the staff one may sign in as (AUTH_MODE=local only)',
    roles: 'public',
    response: LocalStaffList,
  },
  localSignIn: {
    method: 'POST',
    path: '/api/auth/local/token',
    summary: 'Local sign-in: a token for one staff member (AUTH_MODE=local only)',
    roles: 'public',
    body: LocalSignInBody,
    response: LocalSignInResult,
  },
  openapi: {
    method: 'GET',
    path: '/api/openapi.json',
    summary: 'This document',
    roles: 'public',
    response: z.record(z.string(), z.unknown()),
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof API_ROUTES;
export { ApiError };
