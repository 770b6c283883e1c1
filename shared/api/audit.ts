import { z } from 'zod';
import { IsoDate, StudentRef } from './common';

/** One read of a student's data: who, when, on which page or export, for which unit and period. */
export const StudentRead = z.object({
  at: z.string(),
  staffId: z.string(),
  /** The reader's name as the directory knows it now; null when they are no longer in it. */
  staffName: z.string().nullable(),
  /** The page or export, e.g. `student:s-1`, `overview-csv:presence`, `duo-export`. */
  subject: z.string(),
  unitId: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type StudentRead = z.infer<typeof StudentRead>;

/** Who saw a student's data: every read on the student's audit trail, newest first. */
export const StudentReads = z.object({
  student: StudentRef,
  reads: z.array(StudentRead),
});
export type StudentReads = z.infer<typeof StudentReads>;
