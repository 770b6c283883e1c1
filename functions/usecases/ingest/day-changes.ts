import type { Classification, IsoDate } from '../../../shared/policy/types';
import type { Store } from '../../store/client';
import {
  type DayEntry,
  type DayRecord,
  dayId,
  getDayRecords,
  putDayRecords,
} from '../../store/day-summaries';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
export const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);

/** A registration's new entry in a day: its winning version, or a tombstone where it was before. */
export interface EntryWrite {
  studentId: string;
  date: IsoDate;
  registrationId: string;
  entry: DayEntry;
  expiresAt: number;
  /** A clean-up: only replaces an entry the day already has. */
  onlyIfPresent?: boolean;
}

/** A new verdict for an entry that is still at `revision` (a notice, a birth date, a stretch shifted). */
export interface Reclassification {
  studentId: string;
  date: IsoDate;
  registrationId: string;
  revision: number;
  classification: Classification;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads the days these changes touch, applies them and writes back the days that changed:
 * one read and at most one write per student-day, however many of its lessons changed.
 * An entry never goes back to a lower version, so repeating a change (the sender's retry)
 * changes nothing.
 */
export async function applyDayChanges(
  store: Store,
  changes: { writes?: readonly EntryWrite[]; reclassifications?: readonly Reclassification[] },
): Promise<void> {
  const { writes = [], reclassifications = [] } = changes;
  if (writes.length === 0 && reclassifications.length === 0) return;
  const days = await getDayRecords(store, [...writes, ...reclassifications]);
  const changed = new Set<DayRecord>();
  const dayOf = (c: { studentId: string; date: IsoDate }, expiresAt: number): DayRecord => {
    const id = dayId(c.studentId, c.date);
    let day = days.get(id);
    if (!day) {
      day = { studentId: c.studentId, date: c.date, entries: new Map(), dirtyVersion: 0, expiresAt };
      days.set(id, day);
    }
    return day;
  };
  for (const write of writes) {
    if (
      write.onlyIfPresent &&
      !days.get(dayId(write.studentId, write.date))?.entries.has(write.registrationId)
    )
      continue;
    const day = dayOf(write, write.expiresAt);
    const current = day.entries.get(write.registrationId);
    if (current && rank(current.revision, current.deleted) > rank(write.entry.revision, write.entry.deleted))
      continue;
    if (same(current, write.entry) && day.expiresAt === write.expiresAt) continue;
    day.entries.set(write.registrationId, write.entry);
    day.expiresAt = write.expiresAt;
    changed.add(day);
  }
  for (const r of reclassifications) {
    const day = days.get(dayId(r.studentId, r.date));
    const current = day?.entries.get(r.registrationId);
    if (!day || !current || current.deleted || current.revision !== r.revision) continue;
    if (same(current.classification, r.classification)) continue;
    day.entries.set(r.registrationId, { ...current, classification: r.classification });
    changed.add(day);
  }
  await putDayRecords(
    store,
    [...changed].map((day) => ({ ...day, dirtyVersion: day.dirtyVersion + 1 })),
  );
}
