import { dashboardLink, dashboardPath } from '../../../shared/links';
import type { Task } from '../../domain/task';
import type { DomainEvent } from '../../events/types';
import type { FlushResult, Outbox } from '../../mail/outbox';
import type { Store } from '../../store/client';
import { domainEventId, taskMailId } from '../../store/record-ids';
import { listStaff } from '../../store/staff';
import { getTask } from '../../store/tasks-repository';
import { notifyAssignee, queueNotice } from '../effects/notify';

export interface TaskMailDeps {
  store: Store;
  outbox?: Outbox;
  dashboardUrl: string;
}

/** `task.created`, written with the task: its role is mailed when it is published, not at night. */
export function taskCreatedEvent(task: Task): { eventId: string; event: DomainEvent } {
  return {
    eventId: domainEventId('task.created', task.taskId),
    event: {
      type: 'task.created',
      taskId: task.taskId,
      kind: task.kind,
      studentId: task.studentId,
      teamId: task.teamId,
      createdOn: task.createdOn,
    },
  };
}

/**
 * Records a mail to everyone of the task's role, one each, under ids that make a repeat a no-op;
 * resolves to those ids (recorded now or before). The nightly run sends whatever is still unsent.
 */
export async function queueTaskMails(deps: TaskMailDeps, task: Task): Promise<string[]> {
  if (!deps.outbox) return [];
  const staff = await listStaff(deps.store);
  const url = dashboardLink(deps.dashboardUrl, dashboardPath.task(task.taskId));
  const ids: string[] = [];
  for (const person of staff.filter((s) => (s.roles as string[]).includes(task.role))) {
    const id = taskMailId(task.taskId, person.staffId);
    const notice = notifyAssignee(person, task, { period: task.period, dueDate: task.dueDate, url });
    await queueNotice(deps.outbox, id, notice, [task.studentId]);
    ids.push(id);
  }
  return ids;
}

const NOTHING: FlushResult = { sent: 0, failed: 0, deferred: 0, cancelled: 0, givenUp: 0 };

/**
 * The task mailer's work for one `task.created`: the task's mails recorded (if the API has not
 * yet) and sent now. The same event again, or the nightly run afterwards, finds them sent.
 */
export async function sendTaskMails(
  deps: TaskMailDeps & { outbox: Outbox },
  event: Extract<DomainEvent, { type: 'task.created' }>,
): Promise<FlushResult> {
  const task = await getTask(deps.store, event.taskId);
  if (!task) return NOTHING;
  const ids = await queueTaskMails(deps, task);
  return deps.outbox.sendNow(ids);
}
