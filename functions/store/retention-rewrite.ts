import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listStudentAuditRefs, type StudentAuditRef } from './audit-repository';
import type { Store } from './client';
import { keyId, mapLimit } from './dynamo';
import { conditionHeld } from './errors';
import * as keys from './keys';
import { listStudentLetters } from './letters-repository';
import { listRegistrationExpiriesOfStudent } from './registrations';
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
    case 'staff':
      // About a staff member, never on a student's trail.
      return undefined;
  }
}

/** An item about a student, with its expiry where the listing read it (registrations). */
interface StudentItemRef {
  key: keys.PrimaryKey;
  expiresAt?: number | undefined;
}

/**
 * The key of every item about a student. Reports, audit entries and registrations have an index
 * by student; tasks and outflow cases do not (both GSIs of a task are taken by its queues), so
 * they are found through what points at them: a report's actions name the tasks they created,
 * and every task or case the nightly run or a referral creates is audited under the student.
 * The outflow marker's and the open-window marker's keys are known; a case's letters have an index by student (AP 46). Mails are not linked to a student (see outbox-repository.ts).
 */
export async function listStudentItemKeys(store: Store, studentId: string): Promise<keys.PrimaryKey[]> {
  return (await listStudentItems(store, studentId)).map((ref) => ref.key);
}

async function listStudentItems(store: Store, studentId: string): Promise<StudentItemRef[]> {
  const [partition, registrations, reports, audit, letters] = await Promise.all([
    listStudentPartitionKeys(store, studentId),
    listRegistrationExpiriesOfStudent(store, studentId),
    listStudentReports(store, studentId),
    listStudentAuditRefs(store, studentId),
    listStudentLetters(store, studentId),
  ]);
  const all: StudentItemRef[] = [
    ...partition.map((key) => ({ key })),
    ...registrations.map((r) => ({ key: keys.registrationKey(r.registrationId), expiresAt: r.expiresAt })),
    ...reports.map((r) => ({ key: keys.reportKey(r.reportId) })),
    ...reports.flatMap((r) => r.actions.flatMap((a) => (a.taskId ? [{ key: keys.taskKey(a.taskId) }] : []))),
    ...audit.map((ref) => ({ key: ref.key })),
    ...audit.flatMap((ref) => {
      const key = subjectKey(ref);
      return key ? [{ key }] : [];
    }),
    { key: keys.outflowPendingKey(studentId) },
    // A recheck marker lives a week at most (AP 76); an open window can stay open for weeks.
    { key: keys.openWindowMarkerKey(studentId) },
    ...letters.map((l) => ({ key: keys.letterKey(l.letterId) })),
  ];
  return [...new Map(all.map((ref) => [keyId(ref.key), ref])).values()];
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
  // A registration that already carries the expiry is not written again: the leaver's last sweep
  // (nightly outflow) finds every lesson rewritten by the sweep of the leave's delivery, and each
  // rewrite costs a table write and an index copy. The expiry comes from the index read that
  // lists the keys: a lesson rewritten with an old expiry in the fraction of a second its index
  // copy lags is missed, as a lesson created in that moment was missed by the listing before.
  const stale = (await listStudentItems(store, studentId)).filter((ref) => ref.expiresAt !== expiresAt);
  await mapLimit(stale, 8, ({ key }) =>
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
