/**
 * Which school years are closed: their lessons can no longer matter to a window, a report or a
 * correction, so they leave the hot table (functions/usecases/archive/). Pure: the calendar and
 * today are parameters.
 */
import type { SchoolCalendar, SchoolYear } from '../../shared/calendar/calendar';
import { MAX_SUMMER_WEEKS } from '../../shared/calendar/calendar';
import { addDays } from '../../shared/calendar/dates';
import type { IsoDate } from '../../shared/policy/types';

/** The longest window a norm profile looks back (`sickRepeatedWindowWeeks`), in weeks. */
export const LONGEST_WINDOW_WEEKS = 12;
/**
 * A year is closed this many weeks after its last lesson day: the longest summer the calendar
 * allows, then the longest window of the new year still reaching back into the old one (school
 * weeks skip the summer), plus four weeks for the report made at the end of such a window.
 */
export const ARCHIVE_MARGIN_WEEKS = MAX_SUMMER_WEEKS + LONGEST_WINDOW_WEEKS + 4;

/** The dates a school year owns: its first lesson day up to the day before the next year's (its summer included). */
export function yearSpan(calendar: SchoolCalendar, year: SchoolYear): { from: IsoDate; to: IsoDate } {
  const next = calendar.years[calendar.years.indexOf(year) + 1];
  return {
    from: year.firstDay,
    to: next ? addDays(next.firstDay, -1) : addDays(year.lastDay, MAX_SUMMER_WEEKS * 7),
  };
}

/** Whether `year` ended more than the margin before `today`. */
export const isClosed = (year: SchoolYear, today: IsoDate): boolean =>
  addDays(year.lastDay, ARCHIVE_MARGIN_WEEKS * 7) < today;

/** The closed school years of the calendar, oldest first. */
export const closedYears = (calendar: SchoolCalendar, today: IsoDate): SchoolYear[] =>
  calendar.years.filter((y) => isClosed(y, today));

/**
 * Whether a lesson on `date` lies in a closed school year. A registration event dated there is
 * `stale` (the contract's "no change"): a closed year is final, and a lesson written back into
 * it would reopen windows long settled (and the archive would not hold it).
 */
export function isInClosedYear(calendar: SchoolCalendar, date: IsoDate, today: IsoDate): boolean {
  const year = calendar.schoolYearAt(date);
  return year !== null && isClosed(year, today);
}

/** Two periods (inclusive ISO dates) share a day. */
export const overlaps = (a: { from: IsoDate; to: IsoDate }, b: { from: IsoDate; to: IsoDate }): boolean =>
  a.from <= b.to && b.from <= a.to;
