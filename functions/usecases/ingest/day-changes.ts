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
 * Applies changes to the days they touch and writes back the days that changed: at most one
 * write per student-day, however many of its lessons changed. `known` holds days already
 * read (they are read here otherwise) and is kept current with what is written. An entry
 * never goes back to a lower version, so repeating a change (the sender's retry) changes
 * nothing.
 */
export async function applyDayChanges(
  store: Store,
  changes: { writes?: readonly EntryWrite[]; reclassifications?: readonly Reclassification[] },
  known: Map<string, DayRecord> = new Map(),
): Promise<void> {
  const { writes = [], reclassifications = [] } = changes;
  if (writes.length === 0 && reclassifications.length === 0) return;
  const unread = [...writes, ...reclassifications].filter((c) => !known.has(dayId(c.studentId, c.date)));
  const days = new Map(known);
  for (const [id, day] of await getDayRecords(store, unread)) days.set(id, day);
  const changed = new Map<string, DayRecord>();
  const change = (day: DayRecord, entries: Map<string, DayEntry>, expiresAt: number) =>
    changed.set(dayId(day.studentId, day.date), { ...day, entries, expiresAt });
  const current = (studentId: string, date: IsoDate): DayRecord | undefined => {
    const id = dayId(studentId, date);
    return changed.get(id) ?? days.get(id);
  };
  for (const write of writes) {
    const day = current(write.studentId, write.date) ?? {
      studentId: write.studentId,
      date: write.date,
      entries: new Map(),
      dirtyVersion: 0,
      expiresAt: write.expiresAt,
    };
    const entry = day.entries.get(write.registrationId);
    if (write.onlyIfPresent && !entry) continue;
    if (entry && rank(entry.revision, entry.deleted) > rank(write.entry.revision, write.entry.deleted))
      continue;
    if (same(entry, write.entry) && day.expiresAt === write.expiresAt) continue;
    change(day, new Map(day.entries).set(write.registrationId, write.entry), write.expiresAt);
  }
  for (const r of reclassifications) {
    const day = current(r.studentId, r.date);
    const entry = day?.entries.get(r.registrationId);
    if (!day || !entry || entry.deleted || entry.revision !== r.revision) continue;
    if (same(entry.classification, r.classification)) continue;
    change(
      day,
      new Map(day.entries).set(r.registrationId, { ...entry, classification: r.classification }),
      day.expiresAt,
    );
  }
  const written = [...changed].map(
    ([id, day]) => [id, { ...day, dirtyVersion: day.dirtyVersion + 1 }] as const,
  );
  await putDayRecords(
    store,
    written.map(([, day]) => day),
  );
  for (const [id, day] of written) known.set(id, day);
}
