import type { SchoolCalendar } from '../../../shared/calendar';
import type { IsoDate } from '../../../shared/policy/types';
import { isInClosedYear } from '../../domain/archive-years';
import type { Store } from '../../store/client';
import { batchGet, keyId } from '../../store/dynamo';
import * as keys from '../../store/keys';
import { type BatchState, calendarOf, decide, type RegistrationWork, today } from '../ingest/context';

/** A registration event as ingestion holds it (upserts carry a student and a date, deletions neither). */
interface DatedWork {
  event:
    | { type: 'registration.upserted'; data: { studentId: string; date: IsoDate } }
    | { type: 'registration.deleted' };
}

/**
 * Ingestion's one call: an upsert dated in a school year already archived for its student (a
 * closed year, `isInClosedYear`, with its marker, AP 72) is settled as `stale` (through `stale`)
 * and left out of the rest of the batch, so no lesson comes back into an archived year to reopen
 * its windows. Only events in closed years cost a read. A deletion carries no date: one of an
 * archived registration finds no item and is stored as a tombstone without a place, as for any
 * unknown registration; the archive keeps the lesson as it was.
 */
export async function settleArchivedYears<W extends DatedWork>(
  store: Store,
  calendar: SchoolCalendar,
  today: IsoDate,
  work: readonly W[],
  stale: (w: W) => void,
): Promise<W[]> {
  const markerOf = (w: W): keys.PrimaryKey | undefined => {
    if (w.event.type !== 'registration.upserted') return undefined;
    const { studentId, date } = w.event.data;
    if (!isInClosedYear(calendar, date, today)) return undefined;
    const year = calendar.schoolYearAt(date);
    return year ? keys.lessonArchiveKey(studentId, year.id) : undefined;
  };
  const candidates = work.flatMap((w) => markerOf(w) ?? []);
  if (candidates.length === 0) return [...work];
  const archived = await batchGet(store, candidates);
  return work.filter((w) => {
    const marker = markerOf(w);
    if (!marker || !archived.has(keyId(marker))) return true;
    stale(w);
    return false;
  });
}

/** `settleArchivedYears` for an ingestion batch: its store, calendar and today; `stale` recorded as the outcome. */
export const settleArchivedInBatch = (state: BatchState, work: readonly RegistrationWork[]) =>
  settleArchivedYears(state.deps.store, calendarOf(state.deps), today(state.deps), work, (w) =>
    decide(state, w, 'stale'),
  );
