import { GetCommand, PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Expiring } from '../domain/expiring';
import type { Task, TaskKind, TaskRole, TaskStatus } from '../domain/task';
import type { Store } from './client';
import { queryAll } from './dynamo';
import { conditionHeld, conditionMustHold } from './errors';
import {
  HIGH,
  INDEX,
  taskAssigneeGsi1,
  taskKey,
  taskKindGsi2,
  tasksByAssigneePk,
  tasksByKindPk,
} from './keys';
import { unchangedSince } from './reports-repository';

/**
 * Tasks go to a role's shared queue (any attendance officer may pick one up), so the assignee
 * in the key is the role. The kind index is ordered by the date that matters for the kind:
 * for the officer's conversation that is the reminder date, which the nightly run queries.
 */
const dueOf = (task: Task): string => task.remindOn ?? task.dueDate ?? task.createdOn;

function item(task: Task) {
  return {
    ...taskKey(task.taskId),
    ...taskAssigneeGsi1(task.role, task.status, dueOf(task), task.taskId),
    ...taskKindGsi2(task.kind, task.status, dueOf(task), task.taskId),
    type: 'task',
    ...task,
  };
}

function strip(raw: Record<string, unknown>): Task {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...task } = raw;
  return task as unknown as Task;
}

export function createTask(store: Store, task: Expiring<Task>): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item(task),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

export async function getTask(store: Store, taskId: string): Promise<Task | undefined> {
  const result = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: taskKey(taskId) }));
  return result.Item ? strip(result.Item) : undefined;
}

/** Like `saveReport`: conditional on the version and the `expiresAt` the task was read with. */
export async function saveTask(store: Store, task: Task, previousVersion: number): Promise<void> {
  await conditionMustHold(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item(task),
        ...unchangedSince(previousVersion, task.expiresAt),
      }),
    ),
    task.taskId,
  );
}

function queryTasks(
  store: Store,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Task[]> {
  return queryAll(store, input).then((items) => items.map(strip));
}

export function listTasksForRole(store: Store, role: TaskRole, status: TaskStatus): Promise<Task[]> {
  return queryTasks(store, {
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
  return queryTasks(store, {
    IndexName: INDEX.gsi2,
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': tasksByKindPk(kind, status), ':from': from, ':to': `${to}${HIGH}` },
  });
}
