/**
 * How far the calendar reaches from a date. The school must add next year's data before the
 * calendar runs out, or the nightly run has no school days to count; this says when to warn.
 */
import type { IsoDate } from '../policy/types';
import type { SchoolCalendar } from './calendar';
import { toDay } from './dates';

/** Warn this many weeks before the calendar's last covered day. */
export const CALENDAR_WARNING_WEEKS = 8;

export interface CalendarHorizon {
  asOf: IsoDate;
  /** Whether the calendar answers for asOf at all. */
  covered: boolean;
  /** The last day the calendar covers (the Sunday of its last school week). */
  endsOn: IsoDate;
  /** Calendar days from asOf to `endsOn`; negative once asOf lies beyond it. */
  daysLeft: number;
  /** Whole calendar weeks in `daysLeft` (rounded down, so negative beyond the end). */
  weeksLeft: number;
  /** School days after asOf in the calendar. */
  schoolDaysLeft: number;
  /** School weeks that start after asOf's week. */
  schoolWeeksLeft: number;
  /** The calendar ends within `CALENDAR_WARNING_WEEKS` weeks of asOf, or has ended. */
  endsSoon: boolean;
}

export function calendarHorizon(
  calendar: SchoolCalendar,
  asOf: IsoDate,
  warningWeeks: number = CALENDAR_WARNING_WEEKS,
): CalendarHorizon {
  const daysLeft = toDay(calendar.coverage.to) - toDay(asOf);
  return {
    asOf,
    covered: calendar.covers(asOf),
    endsOn: calendar.coverage.to,
    daysLeft,
    weeksLeft: Math.floor(daysLeft / 7),
    schoolDaysLeft: calendar.schoolDaysAfter(asOf),
    schoolWeeksLeft: calendar.schoolWeeksAfter(asOf),
    endsSoon: daysLeft < warningWeeks * 7,
  };
}
