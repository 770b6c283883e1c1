/**
 * The terms of a DUO report ("Melden ja"). The law gives the school 5 working days after the day
 * of the 16th hour to report to DUO; the coach's own term (`reportDueWorkingDays` of the norm
 * profile, 2) ends earlier so the attendance officer keeps 3 working days to check and submit.
 * Working days skip weekends and public holidays off; school holidays count (shared/calendar).
 */
import type { SchoolCalendar } from '../calendar/calendar';
import type { IsoDate } from './types';

/** Leerplichtwet art. 21a / Besluit verzuimmelding: report within 5 working days. */
export const DUO_REPORT_WORKING_DAYS = 5;

/** The last day DUO must have the report: 5 working days after `base` (the day it could be made). */
export function duoDeadline(calendar: Pick<SchoolCalendar, 'addWorkingDays'>, base: IsoDate): IsoDate {
  return calendar.addWorkingDays(base, DUO_REPORT_WORKING_DAYS);
}

/** The day a reminder goes out: the working day before `due` (a reminder is never sent on a weekend). */
export function reminderDay(calendar: Pick<SchoolCalendar, 'addWorkingDays'>, due: IsoDate): IsoDate {
  return calendar.addWorkingDays(due, -1);
}

/** Whether a nightly run of `asOf` reminds of `due`: from the working day before it, until it passes. */
export function remindsOn(
  calendar: Pick<SchoolCalendar, 'addWorkingDays'>,
  due: IsoDate,
  asOf: IsoDate,
): boolean {
  return asOf >= reminderDay(calendar, due) && asOf <= due;
}

/** Past its due date (the due date itself is still in time). */
export const isOverdue = (due: IsoDate | undefined, today: IsoDate): boolean =>
  due !== undefined && due < today;
