/**
 * Local calendar dates as integer day numbers (days since 1970-01-01). The policy never needs
 * a time zone: an `IsoDate` is already the school's local date, so summer time cannot shift
 * a day. Integer arithmetic keeps hot loops free of `Date` objects.
 */
import type { IsoDate } from '../policy/types';

export type DayNumber = number;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` to a day number. Throws on anything that is not a real calendar date. */
export function toDay(iso: IsoDate): DayNumber {
  if (iso.length !== 10 || !ISO_DATE.test(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${iso}`);
  }
  return daysFromCivil(year, month, day);
}

export function isIsoDate(value: string): boolean {
  try {
    toDay(value);
    return true;
  } catch {
    return false;
  }
}

/** Year, month (1-12) and day of a day number (Hinnant's `civil_from_days`). */
export function civilFromDays(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromDay(n: DayNumber): IsoDate {
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 0 = Monday ... 6 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function weekday(n: DayNumber): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function mondayOf(n: DayNumber): DayNumber {
  return n - weekday(n);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDay(toDay(iso) + n);
}
