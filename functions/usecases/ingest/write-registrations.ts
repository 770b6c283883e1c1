import { randomUUID } from 'node:crypto';
import type { Classification } from '../../../shared/policy/types';
import { type ChangeMark, putChangeLog } from '../../store/change-log';
import type { Store } from '../../store/client';
import { mapLimit } from '../../store/dynamo';
import {
  batchGetRegistrations,
  type ClassifiedRegistration,
  getRegistration,
  putRegistrationIf,
  type StoredRegistration,
} from '../../store/registrations';
import { expiryAfterDays } from '../../store/retention';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
export const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);

/**
 * A new verdict for a stored registration, if it is still at `revision` (a notice, a birth date,
 * a stretch shifted), and a new expiry with it when the student's retention moved.
 */
export interface Reclassification {
  registrationId: string;
  revision: number;
  classification: Classification;
  expiresAt?: number;
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

/** Parallel conditional writes of one delivery. */
export const WRITES_IN_FLIGHT = 16;

/**
 * How often one registration is read and decided again after losing its condition. Each loss
 * means another writer stored a version in between; this many in a row means the item is
 * written faster than a delivery can follow, and the delivery fails (5xx: the sender retries).
 */
export const MAX_ATTEMPTS = 20;

export class RegistrationContended extends Error {
  override readonly name = 'RegistrationContended';
  constructor(readonly registrationId: string) {
    super(`registration ${registrationId} kept changing while it was written`);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The student-days a version touches: where it is now, and where it was. */
export function marksOf(reg: StoredRegistration, before: StoredRegistration | undefined): ChangeMark[] {
  const marks: ChangeMark[] = [];
  if (reg.studentId && reg.date) marks.push({ studentId: reg.studentId, date: reg.date });
  if (before?.studentId && before.date) marks.push({ studentId: before.studentId, date: before.date });
  return marks;
}

/**
 * One change-log item naming the student-days about to change, for the nightly run; written
 * before the registrations it names, so a failure in between leaves at most a day named for
 * nothing. One new item per delivery: concurrent deliveries never write the same one.
 */
export async function logChanges(store: Store, now: Date, marks: readonly ChangeMark[]): Promise<void> {
  const unique = [...new Map(marks.map((m) => [`${m.studentId}#${m.date}`, m])).values()];
  if (unique.length === 0) return;
  await putChangeLog(store, {
    changeId: `${now.toISOString()}#${randomUUID()}`,
    marks: unique,
    expiresAt: expiryAfterDays(now, CHANGE_LOG_DAYS),
  });
}

/**
 * Writes versions decided from `known` (what was read of them; absent: never stored), each
 * conditional on being as read. For writers that are the only ones writing these registrations
 * (seeding a bench or a test): a lost condition is RegistrationContended.
 */
export async function writeRegistrations(
  store: Store,
  now: Date,
  writes: { changed: readonly StoredRegistration[]; settled?: readonly StoredRegistration[] },
  known: Map<string, StoredRegistration>,
): Promise<void> {
  await logChanges(
    store,
    now,
    writes.changed.flatMap((reg) => marksOf(reg, known.get(reg.registrationId))),
  );
  await mapLimit([...writes.changed, ...(writes.settled ?? [])], WRITES_IN_FLIGHT, async (reg) => {
    const read = known.get(reg.registrationId);
    if (!(await putRegistrationIf(store, reg, read))) throw new RegistrationContended(reg.registrationId);
    known.set(reg.registrationId, { ...reg, writes: (read?.writes ?? 0) + 1 });
  });
}

/** The reclassified version of `reg`, or undefined when it changes nothing or no longer applies. */
function reclassified(
  reg: StoredRegistration | undefined,
  r: Reclassification,
): StoredRegistration | undefined {
  if (!reg?.live || reg.revision !== r.revision) return undefined;
  const expiresAt = r.expiresAt ?? reg.expiresAt;
  if (same(reg.live.classification, r.classification) && expiresAt === reg.expiresAt) return undefined;
  return { ...reg, live: { ...reg.live, classification: r.classification }, expiresAt };
}

/**
 * Gives stored registrations a new verdict: read again by id (the lists they were found in come
 * from an index, which may lag a moment), and rewritten where still at the revision classified
 * and the verdict changed, each conditional on the version and verdict it read. A lost
 * condition reads that registration again: at another revision it is left to the writer of
 * that revision (who classified it against what it read, and checks again, check-written.ts);
 * at the same revision (event ids or another verdict added) it is decided again. `known` (the
 * batch's registrations) is kept current. Returns the versions written.
 */
export async function writeReclassifications(
  store: Store,
  now: Date,
  reclassifications: readonly Reclassification[],
  known: Map<string, StoredRegistration>,
): Promise<StoredRegistration[]> {
  if (reclassifications.length === 0) return [];
  const current = await batchGetRegistrations(
    store,
    reclassifications.map((r) => r.registrationId),
  );
  const marks = reclassifications.flatMap((r) => {
    const next = reclassified(current.get(r.registrationId), r);
    return next ? marksOf(next, undefined) : [];
  });
  if (marks.length === 0) return [];
  await logChanges(store, now, marks);
  const written: StoredRegistration[] = [];
  await mapLimit(reclassifications, WRITES_IN_FLIGHT, async (r) => {
    let read = current.get(r.registrationId);
    for (let attempt = 0; ; attempt++) {
      const next = reclassified(read, r);
      if (!next || !read) return;
      if (await putRegistrationIf(store, next, read)) {
        const stored = { ...next, writes: (read.writes ?? 0) + 1 };
        known.set(r.registrationId, stored);
        written.push(stored);
        return;
      }
      if (attempt >= MAX_ATTEMPTS) throw new RegistrationContended(r.registrationId);
      read = await getRegistration(store, r.registrationId);
    }
  });
  return written;
}
