import { InvalidTransition } from './errors';
import type { Task } from './task';

/**
 * Gives a task to a staff member (`null`: back to the role's shared queue). Taking an open task
 * starts it: the owner works on it. A finished task keeps the owner who finished it. Giving a task
 * to its owner changes nothing: the same record comes back, so nothing is written or audited.
 */
export function assignTask(task: Task, ownerId: string | null): Task {
  if (task.status === 'done') {
    throw new InvalidTransition('task', 'done', 'assign', 'a finished task keeps its owner');
  }
  if ((task.ownerId ?? null) === ownerId) return task;
  const { ownerId: _previous, ...rest } = task;
  return {
    ...rest,
    ...(ownerId ? { ownerId } : {}),
    status: ownerId && task.status === 'open' ? 'in_progress' : task.status,
    version: task.version + 1,
  };
}
