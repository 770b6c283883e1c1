/**
 * The dates of the attendance officer's conversation and home visit (appendix 2, "Melden Nee:
 * gesprek met student door verzuimbegeleider"; appendix 4 §5, "Huisbezoek"). Pure: the calendar
 * and the dates are parameters.
 *
 * A conversation needs the student at school, so its weeks are school weeks: the follow-up
 * conversation falls two school weeks after the first on the same weekday (a holiday week does
 * not count), and if that day has no lessons (a public holiday, a study day) on the next school
 * day. The four weeks the student is followed end the same way, four school weeks on. Planning
 * and reporting back are office work, counted in working days (a school holiday counts, a public
 * holiday does not).
 */
import type { SchoolCalendar } from '../../shared/calendar';
import { addDays } from './dates';

export type FlowCalendar = Pick<SchoolCalendar, 'isSchoolDay' | 'schoolWeekOf' | 'addWorkingDays'>;

/** Working days the officer has to plan the conversation or visit once asked. */
export const PLAN_WORKING_DAYS = 5;
/** Working days to report back to the coach after the conversation or visit. */
export const FEEDBACK_WORKING_DAYS = 2;
/** The follow-up conversation: school weeks after the first. */
export const FOLLOW_UP_SCHOOL_WEEKS = 2;
/** The student is followed this many school weeks from the conversation on. */
export const FOLLOWED_SCHOOL_WEEKS = 4;
/** Working days to close a home visit once reported back. */
export const CLOSE_VISIT_WORKING_DAYS = 5;

/** The first school day on or after `date`. */
export function schoolDayOnOrAfter(calendar: FlowCalendar, date: string): string {
  let day = date;
  while (!calendar.isSchoolDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The same weekday `weeks` school weeks after `date` (weeks without a school day are skipped),
 * or the next school day when that day has no lessons.
 */
export function schoolWeeksAfter(calendar: FlowCalendar, date: string, weeks: number): string {
  let day = date;
  let counted = 0;
  while (counted < weeks) {
    day = addDays(day, 7);
    if (calendar.schoolWeekOf(day) !== null) counted++;
  }
  return schoolDayOnOrAfter(calendar, day);
}

export const planBy = (calendar: FlowCalendar, askedOn: string): string =>
  calendar.addWorkingDays(askedOn, PLAN_WORKING_DAYS);

export const feedbackBy = (calendar: FlowCalendar, heldOn: string): string =>
  calendar.addWorkingDays(heldOn, FEEDBACK_WORKING_DAYS);

export const followUpOn = (calendar: FlowCalendar, heldOn: string): string =>
  schoolWeeksAfter(calendar, heldOn, FOLLOW_UP_SCHOOL_WEEKS);

export const followedUntil = (calendar: FlowCalendar, heldOn: string): string =>
  schoolWeeksAfter(calendar, heldOn, FOLLOWED_SCHOOL_WEEKS);

export const closeVisitBy = (calendar: FlowCalendar, reportedOn: string): string =>
  calendar.addWorkingDays(reportedOn, CLOSE_VISIT_WORKING_DAYS);
