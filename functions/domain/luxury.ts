/**
 * Luxury absence ("luxe verzuim"): a day off without leave to lengthen a holiday. The attendance
 * officer reports it to DUO from the student's page; the report is a DUO task like any other,
 * with a draft of type `luxury`. Pure: the student's legal status and minutes are parameters.
 */
import { translate } from '../../shared/i18n';
import type { DuoRecipient } from '../../shared/policy';
import { InvalidTransition } from './errors';
import type { Actor } from './lifecycle';
import { type DuoDraft, newTask, type Task, type TaskSubject } from './task';

export interface LuxuryReportInput {
  taskId: string;
  about: TaskSubject;
  /** Who receives it (the student's legal status on the first day); null: no report applies. */
  recipient: DuoRecipient | null;
  from: string;
  to: string;
  days: number;
  /** Unauthorized minutes in the period, and whether every lesson of it was missed. */
  minutes: number;
  allLessonsMissed: boolean;
  note: string;
  by: Actor;
  today: string;
}

export function luxuryReport(input: LuxuryReportInput): Task {
  if (input.from > input.to)
    throw new InvalidTransition('task', 'none', 'luxury', 'the period ends before it starts');
  if (input.recipient === null)
    throw new InvalidTransition('task', 'none', 'luxury', 'no legal report applies to this student');
  const note = input.note.trim();
  const duo: DuoDraft = {
    studentId: input.about.studentId,
    studentName: input.about.studentName,
    type: 'luxury',
    addressee: input.recipient === 'RMC' ? 'rmc' : 'lpa',
    from: input.from,
    to: input.to,
    absentDays: input.days,
    absentHours: Math.floor(input.minutes / 60),
    absentMinutes: input.minutes,
    suspectedReason: translate('nl', 'luxury.reason'),
    allLessonsMissed: input.allLessonsMissed,
    actionTaken: `${input.today}: ${note || translate('nl', 'luxury.reason')}`,
    reporter: {
      staffId: input.by.staffId,
      name: input.by.name,
      role: 'attendance_officer',
      email: input.by.email,
    },
  };
  return {
    ...newTask({
      taskId: input.taskId,
      kind: 'duo_report',
      about: input.about,
      createdOn: input.today,
      explanation: note,
    }),
    period: { from: input.from, to: input.to },
    duo,
    duoRecord: { history: [] },
  };
}
