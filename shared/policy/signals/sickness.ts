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
import { afterDay, type DayTable, windowStart } from './days';
import type { SickLong, SickRepeated, StudentSignalState } from './types';

export const MAX_BRIDGED_SCHOOL_DAYS = 2;

/** A sick report: rows of the day table, oldest first. */
type Run = number[];

function sickRuns(t: DayTable, calendar: SchoolCalendar): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < t.length; i++) {
    if (t.lessons[i] === 0) continue;
    if (t.sick[i] === 0) {
      current = null;
      continue;
    }
    const previous = current?.[current.length - 1];
    if (
      previous !== undefined &&
      calendar.schoolDaysUpToNumber((t.day[i] as number) - 1) -
        calendar.schoolDaysUpToNumber(t.day[previous] as number) >
        MAX_BRIDGED_SCHOOL_DAYS
    ) {
      current = null;
    }
    if (current === null) {
      current = [];
      runs.push(current);
    }
    current.push(i);
  }
  return runs;
}

export function sicknessSignals(
  studentId: string,
  t: DayTable,
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
  signals: (SickRepeated | SickLong)[],
  /** A row whose sickness may continue one from before the days read (-1: none). */
  suspectRow = -1,
): void {
  let sickLongThrough = state.sickLongThrough;
  let sickRepeatedThrough = state.sickRepeatedThrough;
  let any = false;
  for (let i = 0; i < t.length && !any; i++) any = t.sick[i] === 1;
  if (!any) return;
  const runs = sickRuns(t, calendar);

  // Sick from the Nth consecutive school day: once per run; the state follows the run while it lasts.
  let longAfter = afterDay(sickLongThrough);
  for (const run of runs) {
    const first = run[0] as number;
    const last = run[run.length - 1] as number;
    const startDay = t.day[first] as number;
    const lastDay = t.day[last] as number;
    if (startDay < longAfter) {
      if (lastDay >= longAfter) {
        sickLongThrough = t.date[last] as string; // the signalled sickness goes on
        longAfter = lastDay + 1;
      }
      continue;
    }
    const before = calendar.schoolDaysUpToNumber(startDay - 1);
    const reached = run.find(
      (row) => calendar.schoolDaysUpToNumber(t.day[row] as number) - before >= profile.sickLongDays,
    );
    if (reached === undefined) continue;
    const from = t.date[first] as string;
    signals.push({
      kind: 'sick_long',
      id: `${studentId}:sick_long:${from}`,
      studentId,
      period: { from, to: t.date[reached] as string },
      detectedOn: asOf,
      schoolDays: profile.sickLongDays,
    });
    sickLongThrough = t.date[last] as string;
    longAfter = lastDay + 1;
  }

  // Sick reported N times within M school weeks; a report counts in one signal at most. A run that
  // may continue a sickness from before the days read is no new report.
  let repeatedAfter = afterDay(sickRepeatedThrough);
  const reports = suspectRow >= 0 && runs[0]?.[0] === suspectRow ? runs.slice(1) : runs;
  for (let i = 0; i < reports.length; i++) {
    const end = (reports[i] as Run)[0] as number;
    const endDay = t.day[end] as number;
    if (endDay < repeatedAfter) continue;
    const start = Math.max(
      windowStart(calendar, t.week[end] as number, profile.sickRepeatedWindowWeeks),
      repeatedAfter,
    );
    const counted: string[] = [];
    for (let k = 0; k <= i; k++) {
      const s = (reports[k] as Run)[0] as number;
      if ((t.day[s] as number) >= start) counted.push(t.date[s] as string);
    }
    if (counted.length < profile.sickRepeatedCount) continue;
    const from = counted[0] as string;
    signals.push({
      kind: 'sick_repeated',
      id: `${studentId}:sick_repeated:${from}`,
      studentId,
      period: { from, to: t.date[end] as string },
      detectedOn: asOf,
      sickReports: counted,
    });
    sickRepeatedThrough = t.date[end] as string;
    repeatedAfter = endDay + 1;
  }
  state.sickLongThrough = sickLongThrough;
  state.sickRepeatedThrough = sickRepeatedThrough;
}
