import { z } from 'zod';
import { IsoDate, StudentRef } from './common';

/** "Luxe verzuim" to DUO, made by the attendance officer from the student's page. */
export const LuxuryReportBody = z
  .object({
    from: IsoDate,
    to: IsoDate,
    days: z.number().int().min(1).max(366),
    note: z.string().max(2000).default(''),
  })
  .refine((b) => b.from <= b.to, { message: 'from must not be after to', path: ['to'] });
export type LuxuryReportBody = z.infer<typeof LuxuryReportBody>;

export const LuxuryHint = z.object({
  student: StudentRef,
  date: IsoDate,
  holiday: z.string(),
  side: z.enum(['before', 'after']),
  unauthorizedMinutes: z.number().int(),
});
export type LuxuryHint = z.infer<typeof LuxuryHint>;

/** Unauthorized absences on the school day before or after a holiday, from `from` to `to`. */
export const LuxuryHints = z.object({ from: IsoDate, to: IsoDate, hints: z.array(LuxuryHint) });
export type LuxuryHints = z.infer<typeof LuxuryHints>;
