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
  student: StudentRef.extend({ level: z.string(), pathway: z.string(), routeX: z.boolean() }),
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
  reports: z.array(ReportSummary),
  signals: z.array(z.object({ kind: z.string(), date: IsoDate, text: z.string() })),
});
export type StudentPage = z.infer<typeof StudentPage>;
