/**
 * Sickness patterns (policy ch. 6 "Langdurige ziekmeldingen", "Meerdere ziekmeldingen"; the
 * Dutch MAZL practice): sick reported 4 times within 12 school weeks, and sick from the 7th
 * consecutive school day. A sick report is a run of days with lessons on which sickness was
 * reported, ended by a day with lessons without it. Up to `MAX_BRIDGED_SCHOOL_DAYS` school days
 * without any registered lesson (a free day in the timetable, an internship day) do not end a
 * run; a longer gap does. A run's length is counted in school days from the calendar.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import type { NormProfile } from '../profiles';
import { afterDay, type Day, windowStart } from './days';
import type { SickLong, SickRepeated, StudentSignalState } from './types';

export const MAX_BRIDGED_SCHOOL_DAYS = 2;

interface Run {
  start: Day;
  days: Day[];
}

function sickRuns(days: readonly Day[], calendar: SchoolCalendar): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const d of days) {
    if (d.lessons === 0) continue;
    if (!d.sick) {
      current = null;
      continue;
    }
    const previous = current?.days[current.days.length - 1];
    if (
      previous !== undefined &&
      calendar.schoolDaysUpToNumber(d.day - 1) - calendar.schoolDaysUpToNumber(previous.day) >
        MAX_BRIDGED_SCHOOL_DAYS
    ) {
      current = null;
    }
    if (current === null) {
      current = { start: d, days: [] };
      runs.push(current);
    }
    current.days.push(d);
  }
  return runs;
}

export function sicknessSignals(
  studentId: string,
  days: readonly Day[],
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
): { signals: (SickRepeated | SickLong)[]; state: StudentSignalState } {
  const signals: (SickRepeated | SickLong)[] = [];
  const runs = sickRuns(days, calendar);

  // Sick from the Nth consecutive school day: once per run; the state follows the run while it lasts.
  let longAfter = afterDay(state.sickLongThrough);
  let sickLongThrough = state.sickLongThrough;
  for (const run of runs) {
    const last = run.days[run.days.length - 1] as Day;
    if (run.start.day < longAfter) {
      if (last.day >= longAfter) {
        sickLongThrough = last.date; // the signalled sickness goes on
        longAfter = last.day + 1;
      }
      continue;
    }
    const before = calendar.schoolDaysUpToNumber(run.start.day - 1);
    const reached = run.days.find(
      (d) => calendar.schoolDaysUpToNumber(d.day) - before >= profile.sickLongDays,
    );
    if (reached === undefined) continue;
    signals.push({
      kind: 'sick_long',
      id: `${studentId}:sick_long:${run.start.date}`,
      studentId,
      period: { from: run.start.date, to: reached.date },
      detectedOn: asOf,
      schoolDays: profile.sickLongDays,
    });
    sickLongThrough = last.date;
    longAfter = last.day + 1;
  }

  // Sick reported N times within M school weeks; a report counts in one signal at most.
  let repeatedAfter = afterDay(state.sickRepeatedThrough);
  let sickRepeatedThrough = state.sickRepeatedThrough;
  for (let i = 0; i < runs.length; i++) {
    const end = (runs[i] as Run).start;
    if (end.day < repeatedAfter) continue;
    const start = Math.max(windowStart(calendar, end.week, profile.sickRepeatedWindowWeeks), repeatedAfter);
    const counted: string[] = [];
    for (let k = 0; k <= i; k++) {
      const s = (runs[k] as Run).start;
      if (s.day >= start) counted.push(s.date);
    }
    if (counted.length < profile.sickRepeatedCount) continue;
    const from = counted[0] as string;
    signals.push({
      kind: 'sick_repeated',
      id: `${studentId}:sick_repeated:${from}`,
      studentId,
      period: { from, to: end.date },
      detectedOn: asOf,
      sickReports: counted,
    });
    sickRepeatedThrough = end.date;
    repeatedAfter = end.day + 1;
  }
  return { signals, state: { ...state, sickLongThrough, sickRepeatedThrough } };
}
