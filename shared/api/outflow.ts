import { z } from 'zod';
import { IsoDate, StudentRef } from './common';
import { OUTFLOW_STEPS } from './constants';

export { OUTFLOW_STEPS };

export const OutflowStep = z.enum(OUTFLOW_STEPS);
export type OutflowStep = z.infer<typeof OutflowStep>;

/** One step of an outflow case: done (by whom, when) or still to do. */
export const OutflowStepView = z.object({
  step: OutflowStep,
  done: z.boolean(),
  /** The staff member's name. */
  by: z.string().nullable(),
  at: z.string().nullable(),
  note: z.string().nullable(),
});

export const OutflowCaseView = z.object({
  caseId: z.string(),
  student: StudentRef,
  leftOn: IsoDate,
  createdOn: IsoDate,
  /** The coach's term (null on cases opened before it was set). */
  dueDate: IsoDate.nullable(),
  status: z.enum(['open', 'done']),
  involveCounsellor: z.boolean(),
  earlySchoolLeaver: z.boolean(),
  /** The steps this case asks for, in order (the counsellor for Entree and level 2, the RMC report for an early school leaver). */
  steps: z.array(OutflowStepView),
  /** The DUO task of the RMC report, once made. */
  rmcTaskId: z.string().nullable(),
});
export type OutflowCaseView = z.infer<typeof OutflowCaseView>;

export const OutflowCases = z.object({ cases: z.array(OutflowCaseView) });
export type OutflowCases = z.infer<typeof OutflowCases>;

/** `rmc_reported` makes the RMC report (a DUO draft of type `rmc`); the note goes into it. */
export const OutflowStepBody = z.object({ step: OutflowStep, note: z.string().max(2000).optional() });
export type OutflowStepBody = z.infer<typeof OutflowStepBody>;
