/**
 * An outflow case: every student who leaves, for the coach to follow up (appendix 4, "uitstroom").
 * The coach always involves student services (STS-B), for Entree and level 2 the outflow
 * counsellor too; an early school leaver (under 23 without a starting qualification) is reported
 * to the RMC. Its life is pure functions here: record and command in, next record or error out.
 */

import { translate } from '../../shared/i18n';
import type { OUTFLOW_STEPS } from '../../shared/workflow/constants';
import { InvalidTransition } from './errors';
import { outflowRmcTaskId } from './ids';
import type { Actor } from './lifecycle';
import { type DuoDraft, newTask, type Task } from './task';

export type OutflowStep = (typeof OUTFLOW_STEPS)[number];

/** Who ticked a step, and when. */
export interface StepMark {
  by: string;
  at: string;
  note?: string;
}

export interface OutflowCase {
  caseId: string;
  studentId: string;
  studentName: string;
  teamId: string;
  coachId: string;
  leftOn: string;
  /** Entree and level 2 also involve the outflow counsellor. */
  involveCounsellor: boolean;
  /**
   * Under 23 without a starting qualification on `leftOn`: the RMC report is to be made. Absent
   * on cases stored before every leaver had a case (those were all early school leavers).
   */
  earlySchoolLeaver?: boolean;
  /** The steps ticked so far. */
  steps?: Partial<Record<OutflowStep, StepMark>>;
  /** The DUO task of the RMC report, once made. */
  rmcTaskId?: string;
  status: 'open' | 'done';
  createdOn: string;
  /** `OUTFLOW_CASE_WORKING_DAYS` after it opened. Absent on cases stored before it was set. */
  dueDate?: string;
  version: number;
  /** TTL (epoch seconds); see `Expiring`. */
  expiresAt?: number;
}

/**
 * The coach's term for an outflow case: two working weeks to involve STS-B (and the counsellor)
 * and, for an early school leaver, to make the RMC report while the student can still be reached.
 */
export const OUTFLOW_CASE_WORKING_DAYS = 10;

/** Cases stored before the flag existed were opened for early school leavers only. */
export const isEarlyLeaverCase = (c: OutflowCase): boolean => c.earlySchoolLeaver ?? true;

/** The steps a case asks for, in the order the coach takes them. */
export function stepsOf(c: OutflowCase): OutflowStep[] {
  return [
    'sts_involved',
    ...(c.involveCounsellor ? (['counsellor_involved'] as const) : []),
    ...(isEarlyLeaverCase(c) ? (['rmc_reported'] as const) : []),
    'closed',
  ];
}

/** Ticks one step. Closing asks for STS-B (and the counsellor where involved) first; the RMC report is `reportToRmc`. */
export function completeOutflowStep(c: OutflowCase, step: OutflowStep, mark: StepMark): OutflowCase {
  if (c.status === 'done') throw new InvalidTransition('case', 'done', step, 'the case is closed');
  if (!stepsOf(c).includes(step))
    throw new InvalidTransition('case', c.status, step, 'not a step of this case');
  if (c.steps?.[step]) throw new InvalidTransition('case', c.status, step, 'already done');
  if (step === 'rmc_reported')
    throw new InvalidTransition('case', c.status, step, 'the RMC report is made with its DUO draft');
  if (step === 'closed') {
    const missing = stepsOf(c).filter((s) => s !== 'closed' && s !== 'rmc_reported' && !c.steps?.[s]);
    if (missing.length > 0)
      throw new InvalidTransition('case', c.status, step, `first: ${missing.join(', ')}`);
  }
  return {
    ...c,
    steps: { ...c.steps, [step]: mark },
    ...(step === 'closed' ? { status: 'done' as const } : {}),
    version: c.version + 1,
  };
}

/**
 * "RMC-melding maken": the case records it, and a DUO task with an RMC draft goes to the
 * attendance officer, who submits it (DUO export) like any other report.
 */
export function reportToRmc(
  c: OutflowCase,
  by: Actor,
  at: string,
  today: string,
  note: string,
): { outflow: OutflowCase; task: Task } {
  if (c.status === 'done') throw new InvalidTransition('case', 'done', 'rmc_reported', 'the case is closed');
  if (!isEarlyLeaverCase(c))
    throw new InvalidTransition('case', c.status, 'rmc_reported', 'not an early school leaver');
  if (c.steps?.rmc_reported) throw new InvalidTransition('case', c.status, 'rmc_reported', 'already done');
  const taskId = outflowRmcTaskId(c.caseId);
  const explanation = note.trim() || translate('nl', 'outflow.rmcExplanation', { date: c.leftOn });
  const duo: DuoDraft = {
    studentId: c.studentId,
    studentName: c.studentName,
    type: 'rmc',
    addressee: 'rmc',
    from: c.leftOn,
    to: c.leftOn,
    absentDays: 0,
    absentHours: 0,
    absentMinutes: 0,
    suspectedReason: translate('nl', 'outflow.rmcReason'),
    allLessonsMissed: false,
    actionTaken: `${today}: ${explanation}`,
    reporter: { staffId: by.staffId, name: by.name, role: 'coach', email: by.email },
  };
  const task: Task = {
    ...newTask({ taskId, kind: 'duo_report', about: c, createdOn: today, explanation }),
    duo,
    duoRecord: { history: [] },
  };
  return {
    outflow: {
      ...c,
      steps: {
        ...c.steps,
        rmc_reported: { by: by.staffId, at, ...(note.trim() ? { note: note.trim() } : {}) },
      },
      rmcTaskId: taskId,
      version: c.version + 1,
    },
    task,
  };
}
