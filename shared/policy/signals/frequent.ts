/**
 * Frequent absence: separate unauthorized absences or late arrivals, N times within M school
 * weeks (the policy names the signal without numbers; defaults in the norm profile, see README).
 * A day with unauthorized absence counts once however many lessons were missed, and not at all
 * when it continues an absence (the previous day with lessons was missed entirely): continuous
 * truancy is one absence, for the 16-hour and 4-week rules to handle. Each late arrival or early
 * departure counts on its own. Days without registered lessons are skipped. When the caller read
 * a trailing window (`daysFrom`), an absence on its first school day may continue one from
 * before it, and is not counted.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import type { NormProfile } from '../profiles';
import { afterDay, type DayTable, windowStart } from './days';
import type { FrequentAbsence, StudentSignalState } from './types';

function fullyAbsent(t: DayTable, i: number): boolean {
  return (
    (t.lessons[i] as number) > 0 && (t.unauthorizedAbsentLessons[i] as number) >= (t.lessons[i] as number)
  );
}

/** Occurrences per row with lessons: rows and counts, oldest first. */
function occurrences(t: DayTable, suspectRow: number): { row: number; count: number }[] {
  const out: { row: number; count: number }[] = [];
  let previous = -1;
  for (let i = 0; i < t.length; i++) {
    if (t.lessons[i] === 0) continue;
    const newAbsence =
      (t.unauthorizedAbsentLessons[i] as number) > 0 &&
      i !== suspectRow &&
      !(previous >= 0 && fullyAbsent(t, previous));
    const count = (newAbsence ? 1 : 0) + (t.unauthorizedLateOrEarly[i] as number);
    if (count > 0) out.push({ row: i, count });
    previous = i;
  }
  return out;
}

export function frequentSignals(
  studentId: string,
  t: DayTable,
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
  signals: FrequentAbsence[],
  /** A row whose absence may continue one from before the days read (-1: none). */
  suspectRow = -1,
): void {
  let frequentThrough = state.frequentThrough;
  const events = occurrences(t, suspectRow);
  if (events.length === 0) return;
  let after = afterDay(frequentThrough);
  let first = 0;
  let count = 0; // occurrences of events[first..i] on or after `after`
  for (let i = 0; i < events.length; i++) {
    const { row, count: n } = events[i] as { row: number; count: number };
    const day = t.day[row] as number;
    if (day < after) continue;
    count += n;
    const start = Math.max(windowStart(calendar, t.week[row] as number, profile.frequentWindowWeeks), after);
    for (let e = events[first]; e !== undefined && (t.day[e.row] as number) < start; e = events[++first]) {
      if ((t.day[e.row] as number) >= after) count -= e.count;
    }
    if (count < profile.frequentCount) continue;
    const dates: string[] = [];
    for (let k = first; k <= i; k++) {
      const e = events[k] as { row: number; count: number };
      for (let c = e.count; c > 0; c--) dates.push(t.date[e.row] as string);
    }
    const from = dates[0] as string;
    signals.push({
      kind: 'frequent',
      id: `${studentId}:frequent:${from}`,
      studentId,
      period: { from, to: t.date[row] as string },
      detectedOn: asOf,
      occurrences: dates,
    });
    frequentThrough = t.date[row] as string;
    after = day + 1;
    first = i + 1;
    count = 0;
  }
  state.frequentThrough = frequentThrough;
}
