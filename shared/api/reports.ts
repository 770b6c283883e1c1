import { z } from 'zod';
import { Cursor, IsoDate, StudentRef } from './common';
import { DUO_REPORT_TYPES, REFERRAL_CATEGORIES, REPORT_ACTIONS } from './constants';

export { REPORT_ACTIONS };

export const ReportAction = z.enum(REPORT_ACTIONS);
export type ReportAction = z.infer<typeof ReportAction>;

export const ReportStatus = z.enum(['open', 'conversation', 'handled', 'withdrawn']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const LessonLine = z.object({
  date: IsoDate,
  start: z.string(),
  end: z.string(),
  minutesMissed: z.number().int(),
  /** Text via `ruleText(ruleId, lang)` from shared/policy, in the reader's language. */
  ruleId: z.string(),
});
export type LessonLine = z.infer<typeof LessonLine>;

export const ReportEvent = z.object({
  at: z.string(),
  by: z.string(),
  /** The staff member by name (the id when they are no longer known). */
  byName: z.string().optional(),
  /** `action` (an action chosen) or `completed` ("Actie afgerond" after the coach's conversation). */
  what: z.string(),
  action: ReportAction.optional(),
  explanation: z.string().optional(),
  /** "Actie afgerond": the coach's short outcome of the conversation. */
  outcome: z.string().optional(),
  statusBefore: z.string().optional(),
  statusAfter: z.string().optional(),
});

/** What the law makes of a report (shared/policy/legal-consequence.ts), from the student's facts on its date. */
export const LegalConsequence = z.object({
  outcome: z.enum(['lpa', 'rmc', 'none', 'route_x']),
  status: z.enum(['leerplichtig', 'kwalificatieplichtig', 'rmc', 'none']),
  age: z.number().int(),
  startQualification: z.boolean(),
});
export type LegalConsequence = z.infer<typeof LegalConsequence>;

export const ReportSummary = z.object({
  reportId: z.string(),
  kind: z.string(),
  student: StudentRef,
  from: IsoDate,
  to: IsoDate,
  unauthorizedMinutes: z.number().int(),
  createdOn: IsoDate,
  status: ReportStatus,
  action: ReportAction.nullable(),
  /** The coach's term: 2 working days after `to`; past it, and still open, the report is overdue. */
  dueDate: IsoDate,
  overdue: z.boolean(),
  /**
   * A report on the school's internal Route-X norm, not the law's 16 hours: never sent to DUO,
   * not in the legal KPI, labelled as such wherever it is shown.
   */
  routeX: z.boolean(),
  /** The student's coach by name (the manager's list of a unit's open reports). */
  coachName: z.string().optional(),
  /** DUO's legal term (5 working days after `to`) when the report may go to DUO; null for Route-X or no legal report. */
  duoDeadline: IsoDate.nullable().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportDetail = ReportSummary.extend({
  lessons: z.array(LessonLine),
  history: z.array(ReportEvent),
  /** Null when the student's facts are not known (a report of a student since erased). */
  legal: LegalConsequence.nullable().optional(),
  /** For the student's own coach: their next open report by due date (null: none left). */
  nextOpenReportId: z.string().nullable().optional(),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

/** Per coach: how many of the unit's reports are open, and how many of those overdue. */
export const CoachCount = z.object({
  coachId: z.string(),
  name: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
});
export type CoachCount = z.infer<typeof CoachCount>;

/** A manager's reminder to a coach, as sent: the counts it named and the day (one per coach per day). */
export const CoachReminder = z.object({
  coachId: z.string(),
  name: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  date: IsoDate,
});
export type CoachReminder = z.infer<typeof CoachReminder>;

export const ReportList = z.object({
  items: z.array(ReportSummary),
  nextCursor: Cursor,
  /** The unit listed, for the heading (unit drill-down only). */
  unitName: z.string().optional(),
  /** Unit drill-down only: every open report of the unit counted per coach (all pages). */
  coaches: z.array(CoachCount).optional(),
});
export type ReportList = z.infer<typeof ReportList>;

/**
 * A student's open reports on the coach's page, in one group: "Tess Dijkstra: 5 open, 4 te laat,
 * 4-wekensignaal, uitgeschreven 25-11".
 */
export const StudentReportGroup = z.object({
  student: StudentRef,
  open: z.number().int(),
  overdue: z.number().int(),
  /** A 4-week signal on or after the first day of the oldest open report: the same absence. */
  fourWeekSignal: z.boolean(),
  /** The last enrolled day, when the student has left. */
  leftOn: IsoDate.nullable(),
  /** Overdue first, then by due date. */
  reports: z.array(ReportSummary),
});
export type StudentReportGroup = z.infer<typeof StudentReportGroup>;

export const CoachPage = z.object({
  teams: z.array(z.object({ orgUnitId: z.string(), name: z.string() })),
  teamId: z.string().nullable(),
  reports: z.array(ReportSummary),
  nextCursor: Cursor,
  students: z.array(StudentRef),
  /** Every open report of the page's filter grouped by student, students with overdue reports first. */
  groups: z.array(StudentReportGroup),
});
export type CoachPage = z.infer<typeof CoachPage>;

export const ApplyActionBody = z.object({
  action: ReportAction,
  explanation: z.string().trim().min(1).max(2000),
});
export type ApplyActionBody = z.infer<typeof ApplyActionBody>;

/** "Actie afgerond" after the coach's own conversation: its short outcome is required. */
export const CompleteConversationBody = z.object({
  outcome: z.string().trim().min(1).max(2000),
});
export type CompleteConversationBody = z.infer<typeof CompleteConversationBody>;

export const ReferralCategory = z.enum(REFERRAL_CATEGORIES);
export type ReferralCategory = z.infer<typeof ReferralCategory>;
export const DuoReportType = z.enum(DUO_REPORT_TYPES);
export type DuoReportType = z.infer<typeof DuoReportType>;
export const ReferralBody = z.object({
  category: ReferralCategory,
  explanation: z.string().trim().min(1).max(2000),
  /** "Melden DUO" only: the kind of DUO report (16 hours in 4 weeks unless said). */
  duoType: DuoReportType.optional(),
});
export type ReferralBody = z.infer<typeof ReferralBody>;
