import type { Task, TaskKind, TaskRole, TaskStatus } from '../domain/task';
import type { Store } from './client';
import {
  HIGH,
  INDEX,
  taskAssigneeGsi1,
  taskKey,
  taskKindGsi2,
  tasksByAssigneePk,
  tasksByKindPk,
} from './keys';
import { wholeRecords } from './whole-records';

/**
 * Tasks go to a role's shared queue (any attendance officer may pick one up), so the assignee
 * in the key is the role. The kind index is ordered by the date that matters for the kind:
 * for the officer's conversation that is the reminder date, which the nightly run queries.
 */
const dueOf = (task: Task): string => task.remindOn ?? task.dueDate ?? task.createdOn;

const tasks = wholeRecords<Task>({
  type: 'task',
  key: taskKey,
  id: (task) => task.taskId,
  indexKeys: (task) => ({
    ...taskAssigneeGsi1(task.role, task.status, dueOf(task), task.taskId),
    ...taskKindGsi2(task.kind, task.status, dueOf(task), task.taskId),
  }),
});

/** Creates a task once: false if a task with this id exists. */
export const createTask = tasks.create;
export const getTask = tasks.get;
/** A new task written in the transaction of the change that makes it. */
export const createTaskItem = tasks.createItem;
/** Like `saveReport`: conditional on the version and the `expiresAt` the task was read with. */
export const saveTask = tasks.save;

export function listTasksForRole(store: Store, role: TaskRole, status: TaskStatus): Promise<Task[]> {
  return tasks.query(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': tasksByAssigneePk(role, status) },
  });
}

/** Tasks of a kind and status whose due (or reminder) date lies in `[from, to]`. */
export function listTasksByKind(
  store: Store,
  kind: TaskKind,
  status: TaskStatus,
  from = '',
  to = HIGH,
): Promise<Task[]> {
  return tasks.query(store, {
    IndexName: INDEX.gsi2,
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': tasksByKindPk(kind, status), ':from': from, ':to': `${to}${HIGH}` },
  });
}
