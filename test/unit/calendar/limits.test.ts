/**
 * The calendar at the edges of its data: the 16-hour window at the start of the data, working days
 * counted backwards, the message of a date outside the calendar, and the longest summer holiday
 * the data may hold between two school years (13 weeks).
 */
import { describe, expect, it } from 'vitest';
import {
  DateOutsideCalendarError,
  defaultCalendar,
  type PublicHolidayRule,
  SchoolCalendar,
} from '../../../shared/calendar';
import { fromDay, toDay } from '../../../shared/calendar/dates';

const rule: PublicHolidayRule = { goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: true };

describe('Rolling 4-week window at the start of the data (first lesson day Monday 18 Aug 2025)', () => {
  const start = (d: string) => defaultCalendar.rollingWindowStartNumber(toDay(d), 4);

  it('starts on the Thursday of week 1 when it ends on the Wednesday of week 5', () => {
    expect(fromDay(start('2025-09-17'))).toBe('2025-08-21');
    expect(fromDay(start('2025-09-15'))).toBe('2025-08-19');
  });

  it('is open at the start when it ends in week 4, reaching back before the data', () => {
    expect(start('2025-09-12')).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe('Working days for due dates, counted backwards', () => {
  it('skips Christmas and the weekend going back from Monday 28 Dec 2026', () => {
    expect(defaultCalendar.addWorkingDays('2026-12-28', -1)).toBe('2026-12-24');
    expect(defaultCalendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
  });

  it('skips Whit Monday going back (Easter 5 April 2026, Whit Monday 25 May)', () => {
    expect(defaultCalendar.addWorkingDays('2026-05-26', -1)).toBe('2026-05-22');
  });
});

describe('A date outside the calendar', () => {
  it('names the date and what the calendar covers', () => {
    expect(() => defaultCalendar.isSchoolDay('2028-09-04')).toThrow(
      '2028-09-04 lies outside the school calendar (2025-08-18 to 2028-07-23)',
    );
    expect(defaultCalendar.isSchoolDay('2028-07-21')).toBe(true);
    expect(() => defaultCalendar.isSchoolDay('2028-07-24')).toThrow(DateOutsideCalendarError);
  });
});

describe('Calendar data – the gap between two school years', () => {
  const year = (id: string, firstDay: string, lastDay: string) => ({ id, firstDay, lastDay, holidays: [] });
  const build = (next: string) =>
    new SchoolCalendar({
      years: [year('2030-31', '2030-09-02', '2031-07-11'), year('2031-32', next, '2032-07-09')],
      publicHolidayRule: rule,
      extraDaysOff: [],
    });

  it('accepts a summer holiday of exactly 13 weeks (91 days after the last day)', () => {
    expect(build('2031-10-10').isSchoolDay('2031-10-10')).toBe(true);
  });

  it('rejects one day more as a missing school year', () => {
    expect(() => build('2031-10-11')).toThrow(/missing between 2030-31 and 2031-32/);
  });

  it('rejects a year that starts on the last day of the year before', () => {
    expect(() => build('2031-07-11')).toThrow(/starts before 2030-31 ends/);
    expect(build('2031-07-14').isSchoolDay('2031-07-14')).toBe(true);
  });
});
