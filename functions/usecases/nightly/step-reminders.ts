import { flowOf } from '../../domain/flows';
import { reminderDue } from '../../domain/steps';
import type { Task } from '../../domain/task';
import { studentItemExpiry } from '../../store/retention';
import { listTasksForRole, saveTask } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { notify } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';

/** The task screen's route (the dashboard's `#/taken/{taskId}`, engineer W's page). */
const taskPage = (taskId: string): string => `#/taken/${encodeURIComponent(taskId)}`;

/**
 * A case's step falls due: the attendance officers are reminded on that day (one line per step in
 * the run's combined mail). Each reminded step is marked on its task, so no later night reminds of
 * it again; the marks are saved only after the run's mails are recorded (`save`), so a retry of
 * the same date drafts the same reminders, and the mail's id (date, template, reader) records
 * them once.
 */
export async function remindDueSteps(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
): Promise<{ reminded: number; save: () => Promise<void> }> {
  const tasks = (
    await Promise.all(
      (['open', 'in_progress'] as const).map((s) => listTasksForRole(deps.store, 'attendance_officer', s)),
    )
  ).flat();
  const marks: { task: Task; ref: string }[] = [];
  for (const task of tasks) {
    if (!task.flow) continue;
    const due = reminderDue(deps.calendar, flowOf(task.flow), task, asOf);
    if (!due) continue;
    marks.push({ task, ref: due.ref });
    const url = link(deps.config, taskPage(task.taskId));
    for (const officer of directory.withRole('attendance_officer')) {
      drafts.push({
        ...notify(officer.email, 'step.due', {
          assigneeName: officer.name,
          studentName: task.studentName,
          flow: task.flow,
          step: due.step,
          date: due.dueOn,
          ...(task.period ?? {}),
          url,
        }),
        studentId: task.studentId,
        period: { from: due.dueOn, to: due.dueOn },
      });
    }
  }
  const save = async () => {
    for (const { task, ref } of marks) {
      const next: Task = {
        ...task,
        remindedSteps: [...(task.remindedSteps ?? []), ref],
        version: task.version + 1,
      };
      const audit = nightlyChange(asOf, {
        entity: 'task',
        entityId: task.taskId,
        what: `reminded ${ref}`,
        before: task,
        after: next,
        studentId: task.studentId,
        expiresAt: task.expiresAt ?? studentItemExpiry(undefined, asOf, deps.config.retentionYears),
      });
      // A step completed meanwhile (a dashboard action between the read and now) is not marked: harmless.
      await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
        saveTask(store, next, task.version),
      ).catch((error: unknown) => {
        if ((error as Error).name !== 'ConcurrentModification') throw error;
      });
    }
  };
  return { reminded: marks.length, save };
}
