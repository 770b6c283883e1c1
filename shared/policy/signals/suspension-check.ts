/**
 * Policy ch. 3: a suspension lasts at most 5 school days, and suspension is authorized and never
 * reported. A suspension registered beyond that is no truancy but wrong data or a wrong
 * suspension: the attendance officer gets one task per such stretch to check the registration.
 * Ingestion classifies each day from the 6th on as `suspension.beyond_5_days` (authorized), which
 * the day summary flags; the days over the limit of one stretch are consecutive school days.
 *
 * Reads the summaries as given instead of the shared day table: the flag is rare, so only its
 * days are looked at, and no other rule pays for a column.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import type { DaySummary, IsoDate } from '../types';
import type { StudentSignalState, SuspensionCheck } from './types';

export function suspensionCheckSignals(
  studentId: string,
  days: readonly DaySummary[],
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: IsoDate,
  calendar: SchoolCalendar,
  signals: SuspensionCheck[],
): void {
  let flagged: Set<IsoDate> | null = null;
  for (const d of days) {
    if (!d.suspensionOverLimit || d.date > asOf) continue;
    flagged ??= new Set();
    flagged.add(d.date);
  }
  if (flagged === null) return;
  let through = state.suspensionCheckThrough ?? null;
  let open: SuspensionCheck | null = null;
  for (const date of [...flagged].sort()) {
    const previous = calendar.previousSchoolDay(date);
    const continues = previous !== null && flagged.has(previous);
    if (!continues) open = null;
    if (through !== null && date <= through) continue;
    through = date;
    if (continues) {
      // The stretch was signalled before (or just now): its task covers this day too.
      if (open) open.period.to = date;
      continue;
    }
    open = {
      kind: 'suspension_check',
      id: `${studentId}:suspension_check:${date}`,
      studentId,
      period: { from: date, to: date },
      detectedOn: asOf,
    };
    signals.push(open);
  }
  state.suspensionCheckThrough = through;
}
