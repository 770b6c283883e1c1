import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../store/client';
import { listStudentPartitionKeys } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { isConditionFailed } from '../../store/errors';
import { listRegistrationKeysOfStudent } from '../../store/registrations';
import { type RetentionBasis, retentionBase } from '../../store/retention';

/**
 * When a student's retention base becomes known or changes (left, or a new end of
 * enrolment), every item about them gets the new `expiresAt`. Called BEFORE the student
 * item records the change, so a failure halfway is redone by the sender's retry.
 */
export async function rewriteRetentionIfChanged(
  store: Store,
  studentId: string,
  before: RetentionBasis | undefined,
  after: RetentionBasis,
  expiresAt: number,
): Promise<void> {
  const base = retentionBase(after);
  if (!base || base === retentionBase(before)) return;
  const [partition, registrations] = await Promise.all([
    listStudentPartitionKeys(store, studentId),
    listRegistrationKeysOfStudent(store, studentId),
  ]);
  await mapLimit([...partition, ...registrations], 8, async (key) => {
    try {
      await store.doc.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: key,
          UpdateExpression: 'SET expiresAt = :x',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':x': expiresAt },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  });
}
