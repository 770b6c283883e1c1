/**
 * Local dates as the whole system reads them (shared/calendar/dates.ts): registrations carry
 * `YYYY-MM-DD`, and anything that is not a real calendar date is refused with a message naming it.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  fromDay,
  isIsoDate,
  isLeapYear,
  mondayOf,
  toDay,
} from '../../../shared/calendar/dates';

describe('Dates – refusing what is not a calendar date', () => {
  it('refuses a date that is not written YYYY-MM-DD, naming it', () => {
    expect(() => toDay('2026-1-05')).toThrow('Not an ISO date: 2026-1-05');
    expect(() => toDay('05-11-2026')).toThrow('Not an ISO date: 05-11-2026');
    expect(() => toDay('2026-11-055')).toThrow('Not an ISO date: 2026-11-055');
  });

  it('refuses a 13th month, a month 0 and a day 0, naming the date', () => {
    expect(() => toDay('2026-13-01')).toThrow('Not a calendar date: 2026-13-01');
    expect(() => toDay('2026-00-10')).toThrow('Not a calendar date: 2026-00-10');
    expect(() => toDay('2026-11-00')).toThrow('Not a calendar date: 2026-11-00');
  });

  it('knows the 30-day months: 31 April, June, September and November do not exist', () => {
    for (const month of ['04', '06', '09', '11']) {
      expect(isIsoDate(`2026-${month}-30`)).toBe(true);
      expect(isIsoDate(`2026-${month}-31`)).toBe(false);
    }
    for (const month of ['01', '03', '05', '07', '08', '10', '12'])
      expect(isIsoDate(`2026-${month}-31`)).toBe(true);
    expect(daysInMonth(2026, 9)).toBe(30);
    expect(daysInMonth(2026, 10)).toBe(31);
  });

  it('knows 29 February only in leap years (2028 and 2000, not 2027 nor 1900)', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2027)).toBe(false);
  });
});

describe('Dates – counting days', () => {
  it('writes single-digit months and days with a leading zero', () => {
    expect(fromDay(toDay('2026-01-05'))).toBe('2026-01-05');
    expect(addDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('finds the Monday of the week of a date (Sunday belongs to the week before)', () => {
    expect(fromDay(mondayOf(toDay('2026-11-05')))).toBe('2026-11-02');
    expect(fromDay(mondayOf(toDay('2026-11-08')))).toBe('2026-11-02');
    expect(fromDay(mondayOf(toDay('2026-11-09')))).toBe('2026-11-09');
  });
});
