import { randomUUID } from 'node:crypto';
import type { Classification } from '../../../shared/policy/types';
import { type ChangeMark, putChangeLog } from '../../store/change-log';
import type { Store } from '../../store/client';
import {
  batchGetRegistrations,
  type ClassifiedRegistration,
  putRegistrations,
  type StoredRegistration,
} from '../../store/registrations';
import { expiryAfterDays } from '../../store/retention';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
export const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);

/** A new verdict for a stored registration, if it is still at `revision` (a notice, a birth date, a stretch shifted). */
export interface Reclassification {
  registrationId: string;
  revision: number;
  classification: Classification;
}

/** A live version as stored. */
export function liveVersion(
  live: ClassifiedRegistration,
  meta: { eventIds?: Iterable<string>; expiresAt: number },
): StoredRegistration {
  return {
    registrationId: live.registrationId,
    revision: live.revision,
    deleted: false,
    studentId: live.studentId,
    date: live.date,
    live,
    eventIds: new Set(meta.eventIds ?? []),
    expiresAt: meta.expiresAt,
  };
}

/** The nightly run settles change-log items within days; a year covers a stopped schedule. */
export const CHANGE_LOG_DAYS = 365;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The student-days a write touches: where each registration is now, and where it was. */
function marksOf(
  registrations: readonly StoredRegistration[],
  before: ReadonlyMap<string, StoredRegistration>,
) {
  const marks = new Map<string, ChangeMark>();
  const mark = (studentId: string | undefined, date: string | undefined) => {
    if (studentId && date) marks.set(`${studentId}#${date}`, { studentId, date });
  };
  for (const reg of registrations) {
    mark(reg.studentId, reg.date);
    const old = before.get(reg.registrationId);
    mark(old?.studentId, old?.date);
  }
  return [...marks.values()];
}

/**
 * Writes registrations whole: `changed` ones hold a new version or verdict, `settled` ones
 * only record more event ids. First one change-log item names the student-days the changed
 * ones leave and enter, for the nightly run (written before, so a failure in between leaves
 * at most a day named for nothing). Only under the ingestion lease, with versions decided
 * from what was read under it. `known` (the batch's registrations) is kept current.
 */
export async function writeRegistrations(
  store: Store,
  now: Date,
  writes: { changed: readonly StoredRegistration[]; settled?: readonly StoredRegistration[] },
  known: Map<string, StoredRegistration>,
): Promise<void> {
  const marks = marksOf(writes.changed, known);
  if (marks.length > 0)
    await putChangeLog(store, {
      changeId: `${now.toISOString()}#${randomUUID()}`,
      marks,
      expiresAt: expiryAfterDays(now, CHANGE_LOG_DAYS),
    });
  const all = [...writes.changed, ...(writes.settled ?? [])];
  await putRegistrations(store, all);
  for (const reg of all) known.set(reg.registrationId, reg);
}

/**
 * Gives stored registrations a new verdict: read again by id (the lists they were found in
 * come from an index, which may lag a moment), and rewritten where still at the revision
 * classified and the verdict changed.
 */
export async function writeReclassifications(
  store: Store,
  now: Date,
  reclassifications: readonly Reclassification[],
  known: Map<string, StoredRegistration>,
): Promise<void> {
  if (reclassifications.length === 0) return;
  const current = await batchGetRegistrations(
    store,
    reclassifications.map((r) => r.registrationId),
  );
  const changed = reclassifications.flatMap(({ registrationId, revision, classification }) => {
    const reg = current.get(registrationId);
    if (!reg?.live || reg.revision !== revision || same(reg.live.classification, classification)) return [];
    return [{ ...reg, live: { ...reg.live, classification } }];
  });
  if (changed.length > 0) await writeRegistrations(store, now, { changed }, known);
}
