import { localDate } from '../../domain/dates';
import { OwnerNotInRole, TaskNotFound } from '../../domain/errors';
import type { Actor } from '../../domain/lifecycle';
import type { Task } from '../../domain/task';
import { assignTask } from '../../domain/task-owner';
import type { EventBus } from '../../events/types';
import type { Store } from '../../store/client';
import { studentItemExpiry } from '../../store/retention';
import { getStaff } from '../../store/staff';
import { getStudent } from '../../store/students';
import { getTask, saveTask } from '../../store/tasks-repository';
import { commitWith } from '../effects/commit';

export interface AssignDeps {
  store: Store;
  bus?: EventBus;
  retentionYears: number;
}

export interface AssignCommand {
  taskId: string;
  /** The new owner; `null` gives the task back to its role's shared queue. */
  ownerId: string | null;
  actor: Actor;
  now: Date;
}

/**
 * "Ik pak dit op" or giving a task to a colleague: only someone of the task's role can own it.
 * Written with its audit entry (before and after) in one transaction; a repeat changes nothing.
 */
export async function assignTaskOwner(deps: AssignDeps, command: AssignCommand): Promise<Task> {
  const task = await getTask(deps.store, command.taskId);
  if (!task) throw new TaskNotFound(command.taskId);
  if (command.ownerId !== null) {
    const owner = await getStaff(deps.store, command.ownerId);
    if (!owner || !(owner.roles as string[]).includes(task.role)) {
      throw new OwnerNotInRole(command.ownerId, task.role);
    }
  }
  const next = assignTask(task, command.ownerId);
  if (next === task) return task;
  const at = command.now.toISOString();
  const what =
    command.ownerId === null
      ? 'owner released'
      : command.ownerId === command.actor.staffId
        ? 'owner taken'
        : 'owner assigned';
  const expiresAt =
    task.expiresAt ??
    studentItemExpiry(
      task.studentId ? await getStudent(deps.store, task.studentId) : undefined,
      localDate(command.now),
      deps.retentionYears,
    );
  await commitWith(
    deps,
    {
      audit: [
        {
          entity: 'task',
          entityId: task.taskId,
          by: command.actor.staffId,
          at,
          what,
          before: task,
          after: next,
          studentId: task.studentId,
          expiresAt,
        },
      ],
    },
    (store) => saveTask(store, next, task.version),
  );
  return next;
}
