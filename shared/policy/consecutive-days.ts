/**
 * Suspension (at most 5 school days in a row) and special leave (at most 10 school days in a
 * school year) are limits on more than one registration, which one registration cannot know.
 * The caller counts with these helpers from the student's other dates with the same reason and
 * passes the result to `classify` as `suspensionDay` / `specialLeaveDayOfYear`.
 */
import type { SchoolCalendar } from '../calendar/calendar';
import type { IsoDate } from './types';

/**
 * Which school day of an uninterrupted stretch `date` is (1-based): 1 plus the number of school
 * days directly before it that are in `datesWithReason`. Weekends and holidays in between do not
 * interrupt the stretch (they are not school days).
 */
export function dayOfStretch(
  calendar: SchoolCalendar,
  datesWithReason: ReadonlySet<IsoDate>,
  date: IsoDate,
): number {
  let n = 1;
  for (
    let d = calendar.previousSchoolDay(date);
    d !== null && datesWithReason.has(d);
    d = calendar.previousSchoolDay(d)
  ) {
    n++;
  }
  return n;
}

/**
 * The school year `date` falls in, 1 August to 31 July (as `age.ts` counts it): the period the
 * Leerplichtwet's 10 days of special leave are counted in, whatever the calendar's holidays.
 */
export function schoolYearOf(date: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/**
 * Which day of the school year's leave `date` is (1-based): the dates in `leaveDates` from the
 * school year's first day up to and including `date`, plus `date` itself if it is not among
 * them. Every date with a lesson missed counts once, in any order of arrival.
 */
export function dayOfSchoolYear(leaveDates: ReadonlySet<IsoDate>, date: IsoDate): number {
  const { from } = schoolYearOf(date);
  let n = leaveDates.has(date) ? 0 : 1;
  for (const d of leaveDates) if (d >= from && d <= date) n++;
  return n;
}
