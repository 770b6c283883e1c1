/**
 * Suspension (at most 5 school days) and special leave (under 10 school days) are limits on a
 * stretch of days, which one registration cannot know. The caller counts the stretch with this
 * helper from the student's other dates with the same reason and passes the result to
 * `classify` as `suspensionDay` / `specialLeaveDay`.
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
