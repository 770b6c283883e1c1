import type { RegistrationData } from '../../shared/contract/events';
import type { Classification, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { listDayEntries, type PlacedEntry } from './day-summaries';
import { batchGet, batchPut, type Item, keyId } from './dynamo';
import * as keys from './keys';

/**
 * A registration's head: its latest revision, or a tombstone (`deleted`) that keeps the
 * revision so an older upsert arriving later stays stale. `studentId`/`date` remain on a
 * tombstone (when known) so a later correction can clear the old day entry. The facts
 * themselves live in the day summary's entry (day-summaries.ts).
 */
export interface RegistrationHead {
  registrationId: string;
  revision: number;
  deleted: boolean;
  studentId?: string;
  date?: IsoDate;
  reason?: RegistrationData['reason'];
  /** Every event id that this registration settled (applied or stale): repeats are duplicates. */
  eventIds: Set<string>;
  expiresAt: number;
}

function toHead(item: Item): RegistrationHead {
  return {
    registrationId: item.registrationId as string,
    revision: item.revision as number,
    deleted: item.deleted === true,
    studentId: item.studentId as string | undefined,
    date: item.date as string | undefined,
    reason: item.reason as RegistrationHead['reason'],
    eventIds: new Set((item.eventIds as Set<string> | undefined) ?? []),
    expiresAt: item.expiresAt as number,
  };
}

export async function batchGetRegistrations(
  store: Store,
  registrationIds: Iterable<string>,
): Promise<Map<string, RegistrationHead>> {
  const ids = [...new Set(registrationIds)];
  const found = await batchGet(store, ids.map(keys.registrationKey));
  const result = new Map<string, RegistrationHead>();
  for (const id of ids) {
    const item = found.get(keyId(keys.registrationKey(id)));
    if (item) result.set(id, toHead(item));
  }
  return result;
}

/**
 * Writes heads whole, with BatchWriteItem. Only under the ingestion lease (ingest-lease.ts):
 * the caller has read the heads and decided that these versions win.
 */
export async function putRegistrationHeads(store: Store, heads: readonly RegistrationHead[]): Promise<void> {
  await batchPut(
    store,
    heads.map((head) => ({
      ...keys.registrationKey(head.registrationId),
      type: 'registration',
      registrationId: head.registrationId,
      revision: head.revision,
      deleted: head.deleted,
      studentId: head.studentId,
      date: head.date,
      reason: head.reason,
      eventIds: head.eventIds,
      expiresAt: head.expiresAt,
    })),
  );
}

/** A registration as its live day entry holds it, with the classification stored. */
export type ClassifiedRegistration = RegistrationData & { classification: Classification };

/** A live day entry as the registration it came from. */
export function factsOf({
  studentId,
  date,
  registrationId,
  entry,
}: PlacedEntry): ClassifiedRegistration | undefined {
  if (entry.deleted) return undefined;
  const { deleted: _deleted, ...facts } = entry;
  return { ...facts, registrationId, studentId, date };
}

/** A student's live registrations from `from` to `to` inclusive, by date and start time. */
export async function listRegistrations(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<ClassifiedRegistration[]> {
  return (await listDayEntries(store, studentId, from, to))
    .flatMap((placed) => factsOf(placed) ?? [])
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** The ids of every registration a student's days have known, tombstones included (retention rewrites). */
export async function listRegistrationIdsOfStudent(store: Store, studentId: string): Promise<string[]> {
  const entries = await listDayEntries(store, studentId, '0000-00-00', '9999-99-99');
  return [...new Set(entries.map((e) => e.registrationId))];
}
