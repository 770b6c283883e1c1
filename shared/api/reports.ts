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
  what: z.string(),
  action: ReportAction.optional(),
  explanation: z.string().optional(),
});

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
  /** DUO's legal term (5 working days after `to`) when the report may go to DUO; null for Route-X or no legal report. */
  duoDeadline: IsoDate.nullable().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportDetail = ReportSummary.extend({
  lessons: z.array(LessonLine),
  history: z.array(ReportEvent),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

export const ReportList = z.object({
  items: z.array(ReportSummary),
  nextCursor: Cursor,
  /** The unit listed, for the heading (unit drill-down only). */
  unitName: z.string().optional(),
});
export type ReportList = z.infer<typeof ReportList>;

export const CoachPage = z.object({
  teams: z.array(z.object({ orgUnitId: z.string(), name: z.string() })),
  teamId: z.string().nullable(),
  reports: z.array(ReportSummary),
  nextCursor: Cursor,
  students: z.array(StudentRef),
});
export type CoachPage = z.infer<typeof CoachPage>;

export const ApplyActionBody = z.object({
  action: ReportAction,
  explanation: z.string().trim().min(1).max(2000),
});
export type ApplyActionBody = z.infer<typeof ApplyActionBody>;

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
