import { z } from 'zod';
import { IsoDate, StudentRef } from './common';
import { FLOW_KINDS, STEP_STATES } from './constants';
import { ReportDetail } from './reports';
import { Task } from './worklist';

export { FLOW_KINDS, STEP_STATES };

export const FlowKind = z.enum(FLOW_KINDS);
export type FlowKind = z.infer<typeof FlowKind>;
export const StepState = z.enum(STEP_STATES);
export type StepState = z.infer<typeof StepState>;

/** One step of a case as the task screen shows it; texts via `step.<flow>.<key>` in shared/i18n. */
export const TaskStep = z.object({
  key: z.string(),
  state: StepState,
  /** Done: when it was due; current: when it is due; later: not known yet. */
  dueOn: IsoDate.nullable(),
  /** The current step past its due date. */
  overdue: z.boolean(),
  /** What the form offers (current step) or what it could have been completed with. */
  outcomes: z.array(z.string()),
  /** The step asks a (planned) date; required with these outcomes. */
  asksDate: z.boolean(),
  dateRequiredFor: z.array(z.string()),
  asksNote: z.boolean(),
  noteRequiredFor: z.array(z.string()),
  /** Done steps: how, when, by whom (a name), with what date and note. */
  outcome: z.string().nullable(),
  date: IsoDate.nullable(),
  note: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
export type TaskStep = z.infer<typeof TaskStep>;

/** A school week of the student's attendance while the case follows them. */
export const FollowedWeek = z.object({
  weekStart: IsoDate,
  unauthorizedMinutes: z.number().int(),
  /** Share of lesson minutes present, one decimal; null in a week without lessons. */
  presencePercent: z.number().nullable(),
});
export type FollowedWeek = z.infer<typeof FollowedWeek>;

/** A letter the case produced (the invitation), archived for the auditor. */
export const LetterRef = z.object({
  letterId: z.string(),
  kind: z.string(),
  createdOn: IsoDate,
  taskId: z.string(),
  student: StudentRef.nullable(),
  subject: z.string(),
});
export type LetterRef = z.infer<typeof LetterRef>;

export const Letter = LetterRef.extend({ html: z.string() });
export type Letter = z.infer<typeof Letter>;

export const TaskEvent = z.object({
  at: z.string(),
  /** The staff member's name (or `system` for the nightly run). */
  by: z.string(),
  what: z.string(),
});

export const LetterList = z.object({ items: z.array(LetterRef) });
export type LetterList = z.infer<typeof LetterList>;

export const TaskDetail = Task.extend({
  student: StudentRef.extend({
    coachName: z.string().nullable(),
    teamName: z.string().nullable(),
  }).nullable(),
  owner: z.object({ staffId: z.string(), name: z.string() }).nullable(),
  history: z.array(TaskEvent),
  report: ReportDetail.nullable(),
  flow: FlowKind.nullable(),
  steps: z.array(TaskStep),
  /** Per school week since the conversation while the student is followed (empty before). */
  attendance: z.array(FollowedWeek),
  letters: z.array(LetterRef),
  /**
   * The 4-week case: whom a DUO report would go to today (WEB 8.1.8a: LPA under 18, RMC from 18
   * to 23 without a starting qualification, null when none applies), whether studiefinanciering
   * is at stake (18 or older), and the DUO task once the case made one.
   */
  duo: z
    .object({
      recipient: z.enum(['LPA', 'RMC']).nullable(),
      studyFinance: z.boolean(),
      taskId: z.string().nullable(),
    })
    .nullable(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const CompleteStepBody = z.object({
  step: z.string().min(1).max(100),
  outcome: z.string().min(1).max(100),
  date: IsoDate.optional(),
  note: z.string().max(2000).optional(),
});
export type CompleteStepBody = z.infer<typeof CompleteStepBody>;
