import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listStudentAuditRefs, type StudentAuditRef } from './audit-repository';
import type { Store } from './client';
import { keyId, mapLimit } from './dynamo';
import { conditionHeld } from './errors';
import * as keys from './keys';
import { listStudentLetters } from './letters-repository';
import { listRegistrationIdsOfStudent } from './registrations';
import { listStudentReports } from './reports-repository';
import { listStudentPartitionKeys } from './students';

/** The record an audit entry is about, when that record is one of the student's own items. */
function subjectKey(ref: StudentAuditRef): keys.PrimaryKey | undefined {
  switch (ref.entity) {
    case 'report':
      return keys.reportKey(ref.entityId);
    case 'task':
      return keys.taskKey(ref.entityId);
    case 'case':
      return keys.caseKey(ref.entityId);
    case 'student':
      // A read of the student's data: the entry itself is in the trail, the student's items in the partition.
      return undefined;
  }
}

/**
 * The key of every item about a student. Reports, audit entries and registrations have an index
 * by student; tasks and outflow cases do not (both GSIs of a task are taken by its queues), so
 * they are found through what points at them: a report's actions name the tasks they created,
 * and every task or case the nightly run or a referral creates is audited under the student.
 * The outflow marker's key is known; a case's letters have an index by student (AP 45). Mails are not linked to a student (see outbox-repository.ts).
 */
export async function listStudentItemKeys(store: Store, studentId: string): Promise<keys.PrimaryKey[]> {
  const [partition, registrationIds, reports, audit, letters] = await Promise.all([
    listStudentPartitionKeys(store, studentId),
    listRegistrationIdsOfStudent(store, studentId),
    listStudentReports(store, studentId),
    listStudentAuditRefs(store, studentId),
    listStudentLetters(store, studentId),
  ]);
  const all = [
    ...partition,
    ...registrationIds.map(keys.registrationKey),
    ...reports.map((r) => keys.reportKey(r.reportId)),
    ...reports.flatMap((r) => r.actions.flatMap((a) => (a.taskId ? [keys.taskKey(a.taskId)] : []))),
    ...audit.map((ref) => ref.key),
    ...audit.flatMap((ref) => subjectKey(ref) ?? []),
    keys.outflowPendingKey(studentId),
    ...letters.map((l) => keys.letterKey(l.letterId)),
  ];
  return [...new Map(all.map((key) => [keyId(key), key])).values()];
}

/**
 * Gives every item about a student a new `expiresAt` (see `listStudentItemKeys`). Attribute
 * updates, not whole-item writes, because the nightly run and the API write these items
 * meanwhile; `attribute_exists(pk)` keeps a key that points at nothing (a deleted marker, a
 * task whose creation failed) from creating a stub item. Saves of reports and tasks are
 * conditional on the `expiresAt` they read, so they cannot undo this.
 */
export async function rewriteStudentExpiry(
  store: Store,
  studentId: string,
  expiresAt: number,
): Promise<void> {
  const itemKeys = await listStudentItemKeys(store, studentId);
  await mapLimit(itemKeys, 8, (key) =>
    conditionHeld(
      store.doc.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: key,
          UpdateExpression: 'SET expiresAt = :x',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':x': expiresAt },
        }),
      ),
    ),
  );
}
