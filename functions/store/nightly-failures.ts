import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { queryAll } from './dynamo';
import { nightlyFailedKey, nightlyFailedPk } from './keys';
import { dateItemExpiry } from './retention';

/**
 * A student the nightly run could not evaluate. The run goes on with the others and settles the
 * change log as usual, so this item carries what the failed evaluation still owed: the changed
 * days it was given (`dates`). The next run (or a rerun of the same date) evaluates the student
 * again with them, and deletes the item once that succeeds.
 */
export interface NightlyFailure {
  studentId: string;
  /** The run's date of the latest failure. */
  asOf: IsoDate;
  /** Changed days not yet evaluated (from the change log), accumulated over failed runs. */
  dates: IsoDate[];
  attempts: number;
  /** The error's name and message, for the operator; never a name or an address. */
  error: string;
}

/** How long a failure record is kept after the run's date, if no run evaluates the student again. */
export const NIGHTLY_FAILURE_YEARS = 1;

/** Records (or adds to) a student's failure: one item per student, its dates merged. */
export async function recordNightlyFailure(
  store: Store,
  failure: { studentId: string; asOf: IsoDate; dates: readonly IsoDate[]; error: string },
): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: nightlyFailedKey(failure.studentId),
      UpdateExpression:
        'SET #type = :type, studentId = :id, asOf = :asOf, #error = :error, expiresAt = :exp ADD attempts :one' +
        (failure.dates.length > 0 ? ', dates :dates' : ''),
      ExpressionAttributeNames: { '#type': 'type', '#error': 'error' },
      ExpressionAttributeValues: {
        ':type': 'nightly-failure',
        ':id': failure.studentId,
        ':asOf': failure.asOf,
        ':error': failure.error.slice(0, 500),
        // About a date, not a student's absence: kept a year, long after anyone needs it.
        ':exp': dateItemExpiry(failure.asOf, NIGHTLY_FAILURE_YEARS),
        ':one': 1,
        ...(failure.dates.length > 0 ? { ':dates': new Set(failure.dates) } : {}),
      },
    }),
  );
}

/** Every student whose last evaluation failed. */
export async function listNightlyFailures(store: Store): Promise<NightlyFailure[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': nightlyFailedPk() },
    ConsistentRead: true,
  });
  return items.map((raw) => ({
    studentId: String(raw.studentId),
    asOf: String(raw.asOf),
    dates: [...((raw.dates as Set<string> | undefined) ?? [])].sort(),
    attempts: Number(raw.attempts ?? 0),
    error: String(raw.error ?? ''),
  }));
}

/** The student was evaluated after all: nothing is owed any more. */
export async function clearNightlyFailure(store: Store, studentId: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: nightlyFailedKey(studentId) }));
}
