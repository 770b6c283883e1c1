import type { Period } from '../../../shared/policy/signals/types';
import type { TaskKind } from '../../domain/task';
import type { Outbox } from '../../mail/outbox';
import type { TemplateData, TemplateId } from '../../mail/templates';

/**
 * What one effect tells one reader, by template. The nightly run drafts its notices and sends
 * each reader one combined mail per template (`batchMails`); the dashboard's actions queue theirs
 * at once (`queueNotice`). Both build them with `notify`, so the data always fits the template.
 */
export interface Notice<T extends TemplateId = TemplateId> {
  template: T;
  /** One address: a combined mail goes to one reader. */
  to: string;
  data: TemplateData[T];
}

export function notify<T extends TemplateId>(
  recipient: string,
  template: T,
  data: TemplateData[T],
): Notice<T> {
  return { template, to: recipient, data };
}

/** Tells a person of a task's role about it, wherever the task was made (an action, a signal, a reminder). */
export function notifyAssignee(
  assignee: { name: string; email: string },
  task: { kind: TaskKind; studentName: string },
  about: { period?: Period; dueDate?: string; url: string },
): Notice<'task.assignee'> {
  return notify(assignee.email, 'task.assignee', {
    assigneeName: assignee.name,
    studentName: task.studentName,
    task: task.kind,
    ...(about.period ? { from: about.period.from, to: about.period.to } : {}),
    ...(about.dueDate ? { dueDate: about.dueDate } : {}),
    url: about.url,
  });
}

/** Records one notice in the outbox as a mail of its own, under an id that makes a retry a no-op. */
export function queueNotice(
  outbox: Outbox,
  id: string,
  notice: Notice,
  studentIds: readonly string[],
): Promise<boolean> {
  return outbox.enqueue({
    id,
    template: notice.template,
    to: [notice.to],
    studentIds: [...studentIds],
    data: notice.data,
  });
}
