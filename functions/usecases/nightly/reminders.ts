import { dashboardPath } from '../../../shared/links';
import { addDays } from '../../domain/dates';
import type { Expiring } from '../../domain/expiring';
import { newTask, type Task } from '../../domain/task';
import { reminderTaskId } from '../../store/record-ids';
import { studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import { createTask, listTasksByKind } from '../../store/tasks-repository';
import { nightlyChange } from '../effects/audit';
import { commitWith } from '../effects/commit';
import { notifyAssignee } from '../effects/notify';
import type { MailDraft } from './mail-batch';
import { type Directory, link, type NightlyDeps } from './ports';

/**
 * The officer's conversation as stored before it became a case with steps (`remindOn`, no
 * `flow`): a reminder task two weeks after it was planned (within a week of slack for replays).
 * A conversation with steps is reminded of each step on its day by `remindDueSteps`.
 */
export async function createReminders(
  deps: NightlyDeps,
  directory: Directory,
  asOf: string,
  drafts: MailDraft[],
) {
  let created = 0;
  for (const status of ['open', 'in_progress'] as const) {
    const due = await listTasksByKind(deps.store, 'officer_conversation', status, addDays(asOf, -7), asOf);
    for (const task of due) {
      if (task.flow || !task.remindOn) continue;
      const reminder: Expiring<Task> = {
        ...newTask({
          taskId: reminderTaskId(task.taskId),
          kind: 'conversation_reminder',
          about: task,
          reportId: task.reportId,
          createdOn: asOf,
          dueDate: task.followUntil,
          explanation: task.explanation,
        }),
        // Same student, same expiry as the conversation it reminds of (rewritten with it when they leave).
        expiresAt:
          task.expiresAt ??
          studentItemExpiry(await getStudent(deps.store, task.studentId), asOf, deps.config.retentionYears),
      };
      const audit = nightlyChange(asOf, {
        entity: 'task',
        entityId: reminder.taskId,
        what: 'created',
        after: reminder,
        studentId: reminder.studentId,
        expiresAt: reminder.expiresAt,
      });
      const { result: isNew } = await commitWith({ store: deps.store }, { audit: [audit] }, (store) =>
        createTask(store, reminder),
      );
      if (!isNew) continue;
      created++;
      // The conversation's follow-up is the period the reminder is about.
      const period = { from: task.createdOn, to: task.followUntil ?? asOf };
      const url = link(deps.config, dashboardPath.worklist());
      for (const officer of directory.withRole('attendance_officer')) {
        drafts.push({
          ...notifyAssignee(officer, reminder, { period, dueDate: task.followUntil, url }),
          studentId: task.studentId,
          period,
        });
      }
    }
  }
  return created;
}
