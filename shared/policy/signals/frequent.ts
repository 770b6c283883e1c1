/**
 * Frequent absence: separate unauthorized absences or late arrivals, N times within M school
 * weeks (the policy names the signal without numbers; defaults in the norm profile, see README).
 * A day with unauthorized absence counts once however many lessons were missed, and not at all
 * when it continues an absence (the previous day with lessons was missed entirely): continuous
 * truancy is one absence, for the 16-hour and 4-week rules to handle. Each late arrival or early
 * departure counts on its own. Days without registered lessons are skipped.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import type { NormProfile } from '../profiles';
import { afterDay, type Day, windowStart } from './days';
import type { FrequentAbsence, StudentSignalState } from './types';

function fullyAbsent(d: Day): boolean {
  return d.lessons > 0 && d.unauthorizedAbsentLessons >= d.lessons;
}

/** Occurrences per day with lessons, in the order of `days`. */
export function occurrences(days: readonly Day[]): { day: Day; count: number }[] {
  const out: { day: Day; count: number }[] = [];
  let previous: Day | null = null;
  for (const d of days) {
    if (d.lessons === 0) continue;
    const newAbsence = d.unauthorizedAbsentLessons > 0 && !(previous !== null && fullyAbsent(previous));
    const count = (newAbsence ? 1 : 0) + d.unauthorizedLateOrEarly;
    if (count > 0) out.push({ day: d, count });
    previous = d;
  }
  return out;
}

export function frequentSignals(
  studentId: string,
  days: readonly Day[],
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
): { signals: FrequentAbsence[]; state: StudentSignalState } {
  const signals: FrequentAbsence[] = [];
  const events = occurrences(days);
  let after = afterDay(state.frequentThrough);
  let frequentThrough = state.frequentThrough;
  let first = 0;
  let count = 0; // occurrences of events[first..i]
  for (let i = 0; i < events.length; i++) {
    const { day: d, count: n } = events[i] as { day: Day; count: number };
    if (d.day < after) continue;
    count += n;
    const start = Math.max(windowStart(calendar, d.week, profile.frequentWindowWeeks), after);
    for (let e = events[first]; e !== undefined && e.day.day < start; e = events[++first]) {
      if (e.day.day >= after) count -= e.count;
    }
    if (count < profile.frequentCount) continue;
    const dates: string[] = [];
    for (let k = first; k <= i; k++) {
      const e = events[k] as { day: Day; count: number };
      for (let c = e.count; c > 0; c--) dates.push(e.day.date);
    }
    const from = dates[0] as string;
    signals.push({
      kind: 'frequent',
      id: `${studentId}:frequent:${from}`,
      studentId,
      period: { from, to: d.date },
      detectedOn: asOf,
      occurrences: dates,
    });
    frequentThrough = d.date;
    after = d.day + 1;
    first = i + 1;
    count = 0;
  }
  return { signals, state: { ...state, frequentThrough } };
}
