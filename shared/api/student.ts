import { z } from 'zod';
import { IsoDate, StudentRef } from './common';
import { ReportSummary } from './reports';

export const WeekAttendance = z.object({
  weekStart: IsoDate,
  presentMinutes: z.number().int(),
  authorizedMinutes: z.number().int(),
  unauthorizedMinutes: z.number().int(),
});

export const StudentPage = z.object({
  student: StudentRef.extend({
    level: z.string(),
    pathway: z.string(),
    routeX: z.boolean(),
    /** The team by name (the id when the team is not in the org tree). */
    teamName: z.string().optional(),
  }),
  weeks: z.array(WeekAttendance),
  totals: z.object({
    presentMinutes: z.number().int(),
    authorizedMinutes: z.number().int(),
    unauthorizedMinutes: z.number().int(),
  }),
  window: z.object({
    from: IsoDate.nullable(),
    to: IsoDate.nullable(),
    unauthorizedMinutes: z.number().int(),
  }),
  /**
   * Earlier school years whose lessons are archived (issue #12): per week the same minutes as
   * `weeks`, from the week totals kept in the table (AP 71), oldest year first.
   */
  years: z
    .array(
      z.object({
        schoolYear: z.string(),
        /** Lessons kept in the archive (AP 72) and the day they are erased with the student's retention. */
        archive: z.object({ lessons: z.number().int(), keptUntil: IsoDate }).optional(),
        weeks: z.array(WeekAttendance),
        totals: z.object({
          presentMinutes: z.number().int(),
          authorizedMinutes: z.number().int(),
          unauthorizedMinutes: z.number().int(),
        }),
      }),
    )
    .optional(),
  reports: z.array(ReportSummary),
  /** `text`: the signal in Dutch (the dashboard shows `kind` in the reader's language). */
  signals: z.array(z.object({ kind: z.string(), date: IsoDate, text: z.string() })),
  /** The coaches' referrals of this student, newest first: what, when, by whom, and the task's status now. */
  referrals: z
    .array(
      z.object({
        taskId: z.string(),
        category: z.string(),
        at: z.string(),
        byName: z.string(),
        status: z.string(),
      }),
    )
    .optional(),
});
export type StudentPage = z.infer<typeof StudentPage>;
