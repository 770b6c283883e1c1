import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { byPartition, type Item, queryAll } from './dynamo';
import * as keys from './keys';
import { queryStudentDays, type StoredRegistration, toStoredRegistration } from './registrations';

/**
 * Every registration item of a student dated from `from` to `to`: the live ones by day (AP 1)
 * and the tombstones that keep a date (AP 74). Consistent reads are not possible on an index: a
 * registration written in the last moment may be missing, which is why a closed year is only
 * archived long after late events for it are refused (`isInClosedYear`).
 */
export async function listRegistrationItemsIn(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<StoredRegistration[]> {
  const [live, gone] = await Promise.all([
    queryStudentDays(store, studentId, from, to),
    queryAll(
      store,
      byPartition('gsi1', keys.studentRegistrationsPk(studentId), { prefix: keys.REGISTRATION_GONE_PREFIX }),
    ),
  ]);
  const inYear = (i: Item) => typeof i.date === 'string' && i.date >= from && i.date <= to;
  return [...live, ...gone.filter(inYear)].map(toStoredRegistration);
}

const BATCH = 25;
const MAX_ATTEMPTS = 8;

/** Deletes registration items by id, 25 a request, retrying unprocessed ones. Deleting twice is harmless. */
export async function deleteRegistrations(store: Store, registrationIds: readonly string[]): Promise<void> {
  for (let i = 0; i < registrationIds.length; i += BATCH) {
    let pending: unknown[] = registrationIds
      .slice(i, i + BATCH)
      .map((id) => ({ DeleteRequest: { Key: keys.registrationKey(id) } }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error('BatchWrite: deletes stayed unprocessed');
      const out = await store.doc.send(
        new BatchWriteCommand({ RequestItems: { [store.tableName]: pending as never } }),
      );
      pending = out.UnprocessedItems?.[store.tableName] ?? [];
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 2 ** attempt * 10));
    }
  }
}
