import { legalStatus } from '../../../shared/policy';
import { localDate } from '../../domain/dates';
import { StudentNotFound } from '../../domain/errors';
import type { Expiring } from '../../domain/expiring';
import type { Actor } from '../../domain/lifecycle';
import { luxuryReport } from '../../domain/luxury';
import type { Task } from '../../domain/task';
import { listDaySummaries } from '../../store/day-summaries';
import { luxuryTaskId } from '../../store/record-ids';
import { studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { createTask } from '../../store/tasks-repository';
import { commitWith } from '../effects/commit';
import type { ReportDeps } from './actions';

/**
 * The attendance officer reports luxury absence from the student's page: a DUO task with a draft
 * of type `luxury` (the period's unauthorized minutes from the stored days), written with its
 * audit entry, on the worklist and in the DUO export. The officer makes it, so nobody is mailed.
 */
export async function createLuxuryReport(
  deps: ReportDeps,
  command: {
    studentId: string;
    from: string;
    to: string;
    days: number;
    note: string;
    actor: Actor;
    now: Date;
  },
): Promise<Task> {
  const student = await getStudent(deps.store, command.studentId);
  if (!student) throw new StudentNotFound(command.studentId);
  const today = localDate(command.now);
  const days =
    command.from <= command.to
      ? await listDaySummaries(deps.store, student.studentId, command.from, command.to)
      : [];
  const withLessons = days.filter((d) => d.summary.lessons > 0);
  const task: Expiring<Task> = {
    ...luxuryReport({
      taskId: luxuryTaskId(),
      about: { studentId: student.studentId, studentName: student.displayName, teamId: student.teamId },
      recipient: legalStatus(student, command.from).duoRecipient,
      from: command.from,
      to: command.to,
      days: command.days,
      minutes: days.reduce((sum, d) => sum + d.summary.unauthorizedMinutes, 0),
      allLessonsMissed:
        withLessons.length > 0 &&
        withLessons.every((d) => d.summary.unauthorizedAbsentLessons === d.summary.lessons),
      note: command.note,
      by: command.actor,
      today,
    }),
    expiresAt: studentItemExpiry(student, today, deps.retentionYears),
  };
  const at = command.now.toISOString();
  await commitWith(
    deps,
    {
      audit: [
        {
          entity: 'task',
          entityId: task.taskId,
          by: command.actor.staffId,
          at,
          what: 'luxury report',
          before: null,
          after: task,
          studentId: task.studentId,
          expiresAt: task.expiresAt,
        },
      ],
    },
    (store) => createTask(store, task),
  );
  return task;
}
