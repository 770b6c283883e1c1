import { addDays, localDate } from '../../domain/dates';

/** The date a scheduled run at `instant` evaluates: the day before, in the school's time zone. */
export function scheduledAsOf(instant: Date): string {
  return addDays(localDate(instant), -1);
}
