/**
 * Sickness patterns, kept apart as appendix 4 lists them: "Langdurige ziekmeldingen" (sick from the
 * 7th consecutive school day) and "Meerdere ziekmeldingen" (sick reported 4 times within 12 school
 * weeks), the numbers from the Dutch MAZL practice via the norm profile.
 *
 * A sickness (one sick report) starts on a day with lessons on which sickness was reported and
 * lasts until the first later day with lessons without it, which ends it. Days without lessons
 * for the student (a BBL student's work days, a free day in the timetable, weekends, holidays) do
 * not end it: as far as the school knows the student did not recover (the policy: a sick report
 * lasts until the student reports better). Its length is counted in school days of the calendar
 * from its first day, so a student with lessons on one day a week is long sick on the 7th school
 * day like any other; a sickness not yet ended lasts through `asOf`.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { type DayNumber, fromDay } from '../../calendar/dates';
import type { NormProfile } from '../profiles';
import { afterDay, type DayTable, dayNumber, windowStart } from './days';
import type { SickLong, SickRepeated, StudentSignalState } from './types';

/** Scratch: the first row of each sickness, oldest first (evaluation is synchronous). */
let starts = new Int32Array(64);

/** The `n`th school day counted from `day` (day itself is the first if it is a school day). */
function nthSchoolDay(calendar: SchoolCalendar, day: DayNumber, n: number): DayNumber | null {
  let d = calendar.firstSchoolDayFromNumber(day);
  for (let k = 1; k < n && d !== null; k++) d = calendar.firstSchoolDayFromNumber(d + 1);
  return d;
}

/**
 * Both sickness rules for one student. Returns the day on which a sickness that is still going on
 * reaches the long-sickness threshold, if that lies after `asOf` (NaN otherwise): evaluating then
 * signals it even without new data, as a student without lessons that day has none.
 */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one pass over the day table's typed arrays that judges each sickness once its end is known; split, it allocates per student and misses the 40,000-students-in-1-s target
export function sicknessSignals(
  studentId: string,
  t: DayTable,
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
  signals: (SickRepeated | SickLong)[],
  /**
   * The days are a trailing window of a longer history: a sickness on the first day with lessons
   * read may have started before it, and is then no new sick report.
   */
  trailing: boolean,
): DayNumber {
  // Stryker disable next-line BooleanLiteral: skipping the early exit for a student never sick finds no sickness either
  let any = false;
  for (let i = 0; i < t.length && !any; i++) any = t.sick[i] === 1;
  if (!any) return Number.NaN;
  const asOfDay = dayNumber(asOf);
  if (starts.length < t.length) starts = new Int32Array(t.length * 2);

  // One pass: find each sickness, and judge it for the long-sickness rule once its end is known
  // (the row that ends it, or none yet). The state follows a signalled sickness while it lasts.
  let sickLongThrough = state.sickLongThrough;
  let longAfter = afterDay(sickLongThrough);
  let recheck = Number.NaN;
  let count = 0;
  let first = -1; // first row of the current sickness
  let lastSick = -1; // its last row with lessons
  let firstLessonRow = -1;
  for (let i = 0; i <= t.length; i++) {
    const atEnd = i === t.length;
    if (!atEnd && t.lessons[i] === 0) continue;
    if (!atEnd && firstLessonRow < 0) firstLessonRow = i;
    if (!atEnd && t.sick[i] === 1) {
      if (first < 0) {
        first = i;
        starts[count++] = i;
      }
      lastSick = i;
      continue;
    }
    if (first < 0) continue;
    const startRow = first;
    const startDay = t.day[startRow] as number;
    const lastSickDay = t.day[lastSick] as number;
    first = -1;
    if (startDay < longAfter) {
      if (lastSickDay >= longAfter) {
        sickLongThrough = t.date[lastSick] as string;
        longAfter = lastSickDay + 1;
      }
      continue;
    }
    const reached = nthSchoolDay(calendar, startDay, profile.sickLongDays);
    if (reached === null) continue;
    // The sickness lasts up to the day before the row that ended it, or through asOf.
    const lastDay = atEnd ? asOfDay : (t.day[i] as number) - 1;
    if (reached > lastDay) {
      if (atEnd) recheck = reached;
      continue;
    }
    const from = t.date[startRow] as string;
    signals.push({
      kind: 'sick_long',
      id: `${studentId}:sick_long:${from}`,
      studentId,
      period: { from, to: fromDay(reached) },
      detectedOn: asOf,
      schoolDays: profile.sickLongDays,
    });
    sickLongThrough = t.date[lastSick] as string;
    longAfter = lastSickDay + 1;
  }
  state.sickLongThrough = sickLongThrough;

  // Sick reported N times within M school weeks, counted by each sickness's first day; a report
  // counts in one signal at most. A window that opens with a sickness may cut one from before.
  let sickRepeatedThrough = state.sickRepeatedThrough;
  let repeatedAfter = afterDay(sickRepeatedThrough);
  let oldest = trailing && count > 0 && starts[0] === firstLessonRow ? 1 : 0;
  for (let r = oldest; r < count; r++) {
    const row = starts[r] as number;
    const day = t.day[row] as number;
    if (day < repeatedAfter) {
      oldest = r + 1;
      continue;
    }
    const from = Math.max(
      windowStart(calendar, t.week[row] as number, profile.sickRepeatedWindowWeeks),
      repeatedAfter,
    );
    while ((t.day[starts[oldest] as number] as number) < from) oldest++;
    if (r - oldest + 1 < profile.sickRepeatedCount) continue;
    const sickReports: string[] = [];
    for (let k = oldest; k <= r; k++) sickReports.push(t.date[starts[k] as number] as string);
    const firstReport = sickReports[0] as string;
    signals.push({
      kind: 'sick_repeated',
      id: `${studentId}:sick_repeated:${firstReport}`,
      studentId,
      period: { from: firstReport, to: t.date[row] as string },
      detectedOn: asOf,
      sickReports,
    });
    sickRepeatedThrough = t.date[row] as string;
    repeatedAfter = day + 1;
    oldest = r + 1;
  }
  state.sickRepeatedThrough = sickRepeatedThrough;
  return recheck;
}
