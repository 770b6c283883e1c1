/**
 * Dates on the service side: local `YYYY-MM-DD` arithmetic comes from the policy's calendar
 * (integer day numbers, so no time zone or DST can shift a day); only turning an instant into
 * the school's local date needs a time zone (shared/calendar/school-time.ts).
 */
import { addDays, fromDay, mondayOf as mondayOfDay, toDay, weekday } from '../../shared/calendar/dates';
import { localDate } from '../../shared/calendar/school-time';

export { addDays, localDate };

export function isWeekend(date: string): boolean {
  return weekday(toDay(date)) >= 5;
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  return fromDay(mondayOfDay(toDay(date)));
}

/** `n` working days (Monday to Friday, skipping the given public holidays) after `date`. */
export function addWorkingDays(
  date: string,
  n: number,
  isPublicHoliday: (date: string) => boolean = () => false,
): string {
  let current = date;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current) && !isPublicHoliday(current)) left--;
  }
  return current;
}
