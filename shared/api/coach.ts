import { z } from 'zod';
import { IsoDate, StudentRef } from './common';
import { ReportAction } from './reports';

/** "Mijn studenten": per student the current count of the 16-hour window and how close it is to a threshold. */
export const CoachStudentRow = z.object({
  student: StudentRef,
  teamName: z.string(),
  routeX: z.boolean(),
  /** The days counted: from the window's start (or the day after the last report) to today. */
  from: IsoDate.nullable(),
  to: IsoDate,
  /** Unauthorized minutes counted towards the 16-hour report (and the 8-hour signal while none was sent). */
  unauthorizedMinutes: z.number().int(),
  signal8Sent: z.boolean(),
  /** The student's norm: the 8-hour signal's and the report's minutes (Route-X has its own). */
  signalMinutes: z.number().int(),
  reportMinutes: z.number().int(),
  marks: z.array(z.enum(['near8', 'near16'])),
  /** The newest signal, with its Dutch text. */
  lastSignal: z.object({ kind: z.string(), date: IsoDate, text: z.string() }).nullable(),
});
export type CoachStudentRow = z.infer<typeof CoachStudentRow>;

export const CoachStudents = z.object({ students: z.array(CoachStudentRow) });
export type CoachStudents = z.infer<typeof CoachStudents>;

/** One action on several reports of a student at once: each through the same use case, each its own commit. */
export const BulkActionBody = z.object({
  reportIds: z.array(z.string().min(1)).min(1).max(50),
  action: ReportAction,
  explanation: z.string().trim().min(1).max(2000),
});
export type BulkActionBody = z.infer<typeof BulkActionBody>;

export const BulkActionResult = z.object({
  results: z.array(
    z.object({
      reportId: z.string(),
      ok: z.boolean(),
      /** Why it was refused, in Dutch. */
      reason: z.string().optional(),
    }),
  ),
});
export type BulkActionResult = z.infer<typeof BulkActionResult>;
