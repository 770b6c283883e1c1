/**
 * Where an instant becomes a school date: "today" and "yesterday" in the school's time zone.
 * The one place that names the zone; everything after works with `IsoDate`s (dates.ts).
 */
import type { IsoDate } from '../policy/types';
import { addDays } from './dates';

export const SCHOOL_TIME_ZONE = 'Europe/Amsterdam';

const SCHOOL_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The school's local date of an instant: today in Amsterdam. */
export function localDate(instant: Date): IsoDate {
  return SCHOOL_DATE.format(instant);
}

/**
 * The last school date that is over at `instant`: what a nightly run at that instant evaluates,
 * and what the outbox counts leavers as of.
 */
export function dayBefore(instant: Date): IsoDate {
  return addDays(localDate(instant), -1);
}
