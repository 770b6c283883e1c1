import type { SchoolCalendar } from '../../../shared/calendar';
import type { IsoDate } from '../../../shared/policy/types';
import { isInClosedYear } from '../../domain/archive-years';

/** A registration event as ingestion holds it (upserts carry a date, deletions do not). */
interface DatedWork {
  event: { type: 'registration.upserted'; data: { date: IsoDate } } | { type: 'registration.deleted' };
}

/**
 * Ingestion's one call: upserts dated in a closed school year are settled as `stale` (through
 * `stale`) and left out of the rest of the batch, so no lesson comes back into an archived year.
 * A deletion carries no date: one of an archived registration finds no item and is stored as a
 * tombstone without a place, as for any unknown registration; the archive keeps the lesson.
 */
export function settleClosedYears<W extends DatedWork>(
  calendar: SchoolCalendar,
  today: IsoDate,
  work: readonly W[],
  stale: (w: W) => void,
): W[] {
  return work.filter((w) => {
    if (w.event.type !== 'registration.upserted' || !isInClosedYear(calendar, w.event.data.date, today))
      return true;
    stale(w);
    return false;
  });
}
