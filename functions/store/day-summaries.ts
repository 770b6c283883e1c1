import { summarizeDay } from '../../shared/policy';
import type { DaySummary, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import type { Item } from './dynamo';
import { type ClassifiedRegistration, queryStudentDays, toStoredRegistration } from './registrations';

/**
 * A student's day summaries are derived from their classified registrations of that day,
 * which the student index (gsi1 `STUREG#<id>`, `DAY#<date>#<registrationId>`) keeps in order:
 * ingesting a registration updates its day's summary by writing the registration.
 */

/** One lesson of a day as the summaries show it. */
export type LiveDayEntry = Omit<ClassifiedRegistration, 'studentId' | 'date'>;

/** A stored day: the totals derived from its live registrations. */
export interface StoredDay {
  studentId: string;
  date: IsoDate;
  summary: DaySummary;
  registrations: LiveDayEntry[];
}

/** Registration items (any order, deleted ones skipped) as the days with lessons, oldest first. */
export function toStoredDays(items: readonly Item[]): StoredDay[] {
  const byDate = new Map<IsoDate, { studentId: string; registrations: LiveDayEntry[] }>();
  for (const item of items) {
    const live = toStoredRegistration(item).live;
    if (!live) continue;
    const { studentId, date, ...entry } = live;
    const day = byDate.get(date) ?? { studentId, registrations: [] };
    byDate.set(date, day);
    day.registrations.push(entry);
  }
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, { studentId, registrations }]) => {
      registrations.sort(
        (a, b) => a.start.localeCompare(b.start) || a.registrationId.localeCompare(b.registrationId),
      );
      return { studentId, date, summary: summarizeDay(date, registrations), registrations };
    });
}

/** A student's days from `from` to `to` inclusive, oldest first, with totals derived. */
export async function listDaySummaries(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<StoredDay[]> {
  return toStoredDays(await queryStudentDays(store, studentId, from, to));
}
