import { describe, expect, it } from 'vitest';
import {
  CALENDAR_WARNING_WEEKS,
  defaultCalendar as calendar,
  calendarHorizon,
  DateOutsideCalendarError,
  type PublicHolidayRule,
  SchoolCalendar,
} from '../../../shared/calendar';

const rule: PublicHolidayRule = { goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: true };

describe('What the calendar covers (issue 10: a date beyond it is never a day without school)', () => {
  it('covers whole weeks from its first school week to its last, summer holidays in between included', () => {
    expect(calendar.coverage).toEqual({ from: '2025-08-18', to: '2028-07-23' });
    expect(calendar.covers('2025-08-18')).toBe(true);
    expect(calendar.covers('2026-07-28')).toBe(true); // summer 2026, between two years
    expect(calendar.covers('2028-07-23')).toBe(true); // the Sunday after the last school day
    expect(calendar.covers('2028-07-24')).toBe(false);
    expect(calendar.covers('2025-08-17')).toBe(false);
  });

  it('refuses to answer school-day questions beyond the calendar, naming the date', () => {
    for (const ask of [
      () => calendar.isSchoolDay('2028-09-04'),
      () => calendar.schoolWeekOf('2028-09-04'),
      () => calendar.schoolWeeksEndingOn('2028-09-04', 4),
      () => calendar.lastSchoolDays('2028-09-04', 20),
    ]) {
      expect(ask).toThrow(DateOutsideCalendarError);
    }
    try {
      calendar.isSchoolDay('2028-09-04');
    } catch (e) {
      expect(e).toMatchObject({ name: 'DateOutsideCalendarError', date: '2028-09-04' });
    }
  });

  it('knows no school day before a date beyond the calendar (a look-back stops there)', () => {
    expect(calendar.previousSchoolDay('2028-09-04')).toBeNull();
    expect(calendar.previousSchoolDay('2028-07-23')).toBe('2028-07-21');
  });

  it('rejects data with a school year missing in between or years out of order', () => {
    const year = (id: string, firstDay: string, lastDay: string) => ({ id, firstDay, lastDay, holidays: [] });
    const build = (years: ReturnType<typeof year>[]) =>
      new SchoolCalendar({ years, publicHolidayRule: rule, extraDaysOff: [] });
    expect(() =>
      build([year('2030-31', '2030-09-02', '2031-07-11'), year('2032-33', '2032-08-30', '2033-07-08')]),
    ).toThrow(/missing between 2030-31 and 2032-33/);
    expect(() =>
      build([year('2031-32', '2031-09-01', '2032-07-09'), year('2030-31', '2030-09-02', '2031-07-11')]),
    ).toThrow(/starts before/);
    expect(() => build([])).toThrow(RangeError);
  });
});

describe('How much calendar is left after a date', () => {
  it('counts the school days and school weeks after the date', () => {
    // 2028-07-21 is the last school day; the week of 17 Jul is the last school week.
    expect(calendar.schoolDaysAfter('2028-07-21')).toBe(0);
    expect(calendar.schoolDaysAfter('2028-07-18')).toBe(3);
    expect(calendar.schoolWeeksAfter('2028-07-18')).toBe(0);
    expect(calendar.schoolWeeksAfter('2028-07-14')).toBe(1);
    // 2028-05-22..26: Ascension Thursday and the Friday after off; Whit Monday 5 Jun off.
    expect(calendar.schoolDaysAfter('2028-05-19')).toBe(3 + 5 + 4 + 5 * 6);
    expect(calendar.schoolWeeksAfter('2028-05-19')).toBe(9);
    expect(calendar.schoolDaysAfter('2028-09-04')).toBe(0); // beyond the end
  });

  it(`warns from ${CALENDAR_WARNING_WEEKS} weeks before the calendar's last covered day`, () => {
    // The calendar covers up to Sunday 23 Jul 2028; 8 weeks before is Sunday 28 May 2028.
    expect(calendarHorizon(calendar, '2028-05-27')).toMatchObject({
      covered: true,
      endsOn: '2028-07-23',
      daysLeft: 57,
      weeksLeft: 8,
      endsSoon: false,
    });
    expect(calendarHorizon(calendar, '2028-05-29')).toMatchObject({
      daysLeft: 55,
      weeksLeft: 7,
      endsSoon: true,
    });
    expect(calendarHorizon(calendar, '2028-05-29')).toMatchObject({
      schoolDaysLeft: 4 + 4 + 5 * 6,
      schoolWeeksLeft: 7,
    });
    expect(calendarHorizon(calendar, '2026-11-30')).toMatchObject({ covered: true, endsSoon: false });
  });

  it('keeps warning once the date lies beyond the calendar, with nothing left', () => {
    expect(calendarHorizon(calendar, '2028-08-01')).toMatchObject({
      covered: false,
      daysLeft: -9,
      weeksLeft: -2,
      schoolDaysLeft: 0,
      schoolWeeksLeft: 0,
      endsSoon: true,
    });
  });
});
