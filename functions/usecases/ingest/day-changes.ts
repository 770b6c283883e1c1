import { randomUUID } from 'node:crypto';
import type { Classification, IsoDate } from '../../../shared/policy/types';
import type { Store } from '../../store/client';
import { type DayEntry, putDayEntries } from '../../store/day-summaries';
import type { ClassifiedRegistration } from '../../store/registrations';
import { expiryAfterDays } from '../../store/retention';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
export const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);

/** A registration's entry in a day: its winning version, or a tombstone where it was before. */
export interface EntryWrite {
  studentId: string;
  date: IsoDate;
  registrationId: string;
  entry: DayEntry;
  expiresAt: number;
}

/** A stored registration with the verdict it gets now (a notice, a birth date, a stretch shifted). */
export interface Reclassification {
  registration: ClassifiedRegistration;
  classification: Classification;
  expiresAt: number;
}

/** The nightly run settles change-log items within days; a year covers a stopped schedule. */
const CHANGE_LOG_DAYS = 365;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes day entries (the winners of a batch, and reclassified entries whose verdict
 * changed) and names their days in the change log for the nightly run. Whole-item writes,
 * so only under the ingestion lease, with the versions decided from the heads read under it.
 */
export async function writeDayChanges(
  store: Store,
  now: Date,
  changes: { writes?: readonly EntryWrite[]; reclassifications?: readonly Reclassification[] },
): Promise<void> {
  const reclassified = (changes.reclassifications ?? []).flatMap(
    ({ registration, classification, expiresAt }): EntryWrite[] => {
      if (same(registration.classification, classification)) return [];
      const { registrationId, studentId, date, ...facts } = registration;
      return [
        { studentId, date, registrationId, entry: { ...facts, deleted: false, classification }, expiresAt },
      ];
    },
  );
  await putDayEntries(store, [...(changes.writes ?? []), ...reclassified], {
    changeId: `${now.toISOString()}#${randomUUID()}`,
    expiresAt: expiryAfterDays(now, CHANGE_LOG_DAYS),
  });
}
