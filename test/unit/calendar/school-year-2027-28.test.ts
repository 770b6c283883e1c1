import { describe, expect, it } from 'vitest';
import { defaultCalendar as calendar } from '../../../shared/calendar';

describe('School year 2027-28 (regio Zuid, guide "School calendar")', () => {
  it('starts after the summer holiday of 2027 and ends before the one of 2028', () => {
    expect(calendar.isSchoolDay('2027-08-27')).toBe(false); // summer 17 Jul - 29 Aug 2027
    expect(calendar.isSchoolDay('2027-08-30')).toBe(true);
    expect(calendar.isSchoolDay('2028-07-21')).toBe(true);
    expect(calendar.isSchoolDay('2028-07-22')).toBe(false); // summer from 22 Jul 2028
  });

  it.each([
    ['autumn', '2027-10-25', '2027-10-29', '2027-10-22', '2027-11-01'],
    ['Christmas', '2027-12-27', '2028-01-07', '2027-12-24', '2028-01-10'],
    ['spring (carnival)', '2028-02-28', '2028-03-03', '2028-02-25', '2028-03-06'],
    ['May', '2028-05-01', '2028-05-05', '2028-04-28', '2028-05-08'],
  ])(
    'has no school days in the %s holiday, and school on the days around it',
    (_, first, last, before, after) => {
      expect(calendar.isSchoolDay(first)).toBe(false);
      expect(calendar.isSchoolDay(last)).toBe(false);
      expect(calendar.isSchoolDay(before)).toBe(true);
      expect(calendar.isSchoolDay(after)).toBe(true);
    },
  );

  it('skips the holiday weeks in a window of 4 school weeks', () => {
    expect(calendar.schoolWeeksEndingOn('2028-01-12', 4).weeks).toEqual([
      '2027-12-06',
      '2027-12-13',
      '2027-12-20',
      '2028-01-10',
    ]); // the week of 20 Dec holds school days until Friday 24 Dec; Christmas 25 Dec - 9 Jan skipped
    expect(calendar.schoolWeekOf('2027-12-22')).toBe('2027-12-20');
    expect(calendar.schoolWeekOf('2028-01-05')).toBeNull();
  });

  it('counts school weeks from 2026-27 into 2027-28 across the summer', () => {
    expect(calendar.schoolWeeksEndingOn('2027-09-01', 3).weeks).toEqual([
      '2027-07-05',
      '2027-07-12',
      '2027-08-30',
    ]);
    expect(calendar.previousSchoolDay('2027-08-30')).toBe('2027-07-16');
  });
});
