import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OutflowCase } from '../domain/case';
import type { Store } from './client';
import { putItem, queryAll } from './dynamo';
import { caseCoachGsi1, caseKey, casesByCoachPk, outflowPendingKey, outflowPendingPk } from './keys';
import { dateItemExpiry } from './retention';
import { recordOf, wholeRecords } from './whole-records';

const cases = wholeRecords<OutflowCase>({
  type: 'case',
  key: caseKey,
  id: (outflow) => outflow.caseId,
  indexKeys: (outflow) => caseCoachGsi1(outflow.coachId, outflow.status, outflow.createdOn, outflow.caseId),
});

/** Creates an outflow case once: false if a case with this id exists. */
export const createCase = cases.create;
export const getCase = cases.get;
/** Conditional on the version (and `expiresAt`) the case was read with. */
export const saveCase = cases.save;

export async function listCoachCases(
  store: Store,
  coachId: string,
  status: OutflowCase['status'],
): Promise<OutflowCase[]> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': casesByCoachPk(coachId, status) },
    }),
  );
  return (result.Items ?? []).map(recordOf<OutflowCase>);
}

/**
 * Marks that a student left and the next nightly run owes a look (written where `student.left` is
 * stored). The marker names a student, so it expires with the student's data: pass the student's
 * `expiresAt` (RETENTION_YEARS after `leftOn`). The nightly run deletes it long before; the expiry
 * only matters when that never happens (a leave date far ahead, a stopped schedule). Without one
 * it expires a year after `leftOn`: still after the run owed on that date, and never later than
 * the student's own data (RETENTION_YEARS is at least 1).
 */
export async function markOutflowPending(
  store: Store,
  studentId: string,
  leftOn: string,
  expiresAt: number = dateItemExpiry(leftOn, 1),
): Promise<void> {
  await putItem(store, {
    ...outflowPendingKey(studentId),
    type: 'outflow-pending',
    studentId,
    leftOn,
    expiresAt,
  });
}

export async function listOutflowPending(store: Store): Promise<{ studentId: string; leftOn: string }[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': outflowPendingPk() },
  });
  return items.map((raw) => ({ studentId: String(raw.studentId), leftOn: String(raw.leftOn) }));
}

export async function clearOutflowPending(store: Store, studentId: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: outflowPendingKey(studentId) }));
}
