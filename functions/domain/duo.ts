/**
 * A DUO report's own life beside the task that carries it: its legal deadline, the draft a coach's
 * referral "Melden DUO" makes, and the end date DUO wants once the student is back or has left.
 * Pure: dates and facts in, the next task or a named error out.
 */
import { DUO_REPORT_WORKING_DAYS } from '../../shared/policy/duo-deadlines';
import { DUO_TYPES_WITH_END_DATE } from '../../shared/workflow/constants';
import { addWorkingDays } from './dates';
import { InvalidTransition } from './errors';
import type { Actor } from './lifecycle';
import type { Addressee, Report } from './report';
import type { DuoDraft, DuoEndDate, DuoReportType, Task } from './task';

/**
 * DUO's deadline of a report: stored on it by the nightly run (working days by the school's
 * calendar); for a report stored before that, 5 weekdays after its last day.
 */
export function duoDeadlineOf(report: Pick<Report, 'duoDeadline' | 'to'>): string {
  return report.duoDeadline ?? addWorkingDays(report.to, DUO_REPORT_WORKING_DAYS);
}

/** DUO has finished with the report: nothing more to submit or remind of. */
export function duoFinished(task: Task): boolean {
  const status = task.duoRecord?.status;
  return status === 'closed' || status === 'withdrawn';
}

/** The officer still has to submit it: no DUO status yet. */
export function duoToSubmit(task: Task): boolean {
  return task.kind === 'duo_report' && task.duo !== undefined && task.duoRecord?.status === undefined;
}

export interface ReferralDraftInput {
  student: { studentId: string; studentName: string };
  type: DuoReportType;
  addressee: Exclude<Addressee, 'none'>;
  /** The absence the draft is about: from the last 4 school weeks of the student's days. */
  period: { from: string; to: string };
  unauthorizedMinutes: number;
  absentDays: number;
  allLessonsMissed: boolean;
  explanation: string;
  by: Actor;
  today: string;
}

/** The draft a coach's referral "Melden DUO" makes: the same fields as one from a 16-hour report. */
export function referralDuoDraft(input: ReferralDraftInput): DuoDraft {
  return {
    studentId: input.student.studentId,
    studentName: input.student.studentName,
    type: input.type,
    addressee: input.addressee,
    from: input.period.from,
    to: input.period.to,
    absentDays: input.absentDays,
    absentHours: Math.floor(input.unauthorizedMinutes / 60),
    absentMinutes: input.unauthorizedMinutes,
    suspectedReason: 'onbekend',
    allLessonsMissed: input.allLessonsMissed,
    actionTaken: `${input.today}: ${input.explanation.trim()}`,
    reporter: { staffId: input.by.staffId, name: input.by.name, role: 'coach', email: input.by.email },
  };
}

const WITH_END_DATE: readonly string[] = DUO_TYPES_WITH_END_DATE;

/** Whether DUO asks an end date of this task's report and none is proposed yet. */
export function awaitsEndDate(task: Task): boolean {
  return (
    task.kind === 'duo_report' &&
    task.duo !== undefined &&
    WITH_END_DATE.includes(task.duo.type) &&
    task.duoEndDate === undefined &&
    !duoFinished(task)
  );
}

/** "Register the end date": proposed, not yet confirmed by the attendance officer. */
export const endDateToRegister = (task: Task): boolean =>
  task.duoEndDate !== undefined && task.duoEndDate.confirmedAt === undefined;

/**
 * The end date the student's days give: the first day after the report's period with a lesson
 * attended (present, late or left early), or the day they left, whichever comes first.
 */
export function endDateFrom(
  reportTo: string,
  days: readonly { date: string; attended: boolean }[],
  leftOn: string | undefined,
): Pick<DuoEndDate, 'date' | 'why'> | null {
  const back = days.find((d) => d.date > reportTo && d.attended)?.date;
  const left = leftOn !== undefined && leftOn >= reportTo ? leftOn : undefined;
  if (back !== undefined && (left === undefined || back <= left))
    return { date: back, why: 'back_at_school' };
  if (left !== undefined) return { date: left, why: 'left' };
  return null;
}

/** Puts "register the end date" on the task, with the date filled in; once. */
export function proposeEndDate(task: Task, found: Pick<DuoEndDate, 'date' | 'why'>, today: string): Task {
  if (!awaitsEndDate(task)) {
    throw new InvalidTransition('task', task.kind, 'end date', 'no end date is awaited on this task');
  }
  return { ...task, duoEndDate: { ...found, proposedOn: today }, version: task.version + 1 };
}

/** The attendance officer confirms the end date (or corrects it: no earlier than the report's start). */
export function confirmEndDate(task: Task, date: string, by: string, at: string): Task {
  if (task.kind !== 'duo_report' || !task.duo || !WITH_END_DATE.includes(task.duo.type)) {
    throw new InvalidTransition('task', task.kind, 'end date', 'DUO asks no end date of this report');
  }
  if (task.duoEndDate?.confirmedAt !== undefined) {
    throw new InvalidTransition(
      'task',
      'end date confirmed',
      'end date',
      'the end date is confirmed already',
    );
  }
  if (date < task.duo.from) {
    throw new InvalidTransition('task', 'end date', date, 'the end date lies before the absence began');
  }
  const proposed = task.duoEndDate;
  return {
    ...task,
    duoEndDate: {
      date,
      why: proposed?.why ?? 'back_at_school',
      proposedOn: proposed?.proposedOn ?? at.slice(0, 10),
      confirmedBy: by,
      confirmedAt: at,
    },
    version: task.version + 1,
  };
}
