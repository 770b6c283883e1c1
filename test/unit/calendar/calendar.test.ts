import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  defaultCalendar as calendar,
  DateOutsideCalendarError,
  fromDay,
  type PublicHolidayRule,
  SchoolCalendar,
  toDay,
  weekday,
} from '../../../shared/calendar';

const rule: PublicHolidayRule = { goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: true };

describe('School days (regio Zuid, 2025-26 and 2026-27)', () => {
  it('counts weekdays in the school year as school days', () => {
    expect(calendar.isSchoolDay('2026-10-16')).toBe(true); // Friday before the autumn holiday
    expect(calendar.isSchoolDay('2026-10-26')).toBe(true); // Monday after it
  });

  it('skips weekends, the holidays, public holidays and the days the school added', () => {
    expect(calendar.isSchoolDay('2026-10-17')).toBe(false); // Saturday
    expect(calendar.isSchoolDay('2026-10-19')).toBe(false); // autumn holiday
    expect(calendar.isSchoolDay('2026-10-23')).toBe(false);
    expect(calendar.isSchoolDay('2026-02-16')).toBe(false); // carnival
    expect(calendar.isSchoolDay('2026-04-06')).toBe(false); // Easter Monday
    expect(calendar.isSchoolDay('2026-05-14')).toBe(false); // Ascension
    expect(calendar.isSchoolDay('2026-05-15')).toBe(false); // the Friday after, added by the school
    expect(calendar.isSchoolDay('2026-07-20')).toBe(false); // summer
    expect(() => calendar.isSchoolDay('2024-10-01')).toThrow(DateOutsideCalendarError); // before the data
  });

  it('starts and ends the school years on the first and last lesson days', () => {
    expect(() => calendar.isSchoolDay('2025-08-15')).toThrow(DateOutsideCalendarError); // before the first year
    expect(calendar.isSchoolDay('2025-08-18')).toBe(true);
    expect(calendar.isSchoolDay('2026-07-10')).toBe(true);
    expect(calendar.isSchoolDay('2026-08-21')).toBe(false);
    expect(calendar.isSchoolDay('2026-08-24')).toBe(true);
  });
});

describe('School weeks', () => {
  it('names a week by its Monday when it holds a school day', () => {
    expect(calendar.schoolWeekOf('2026-10-14')).toBe('2026-10-12');
    expect(calendar.schoolWeekOf('2026-10-18')).toBe('2026-10-12'); // Sunday belongs to the week before
    expect(calendar.schoolWeekOf('2026-10-21')).toBeNull(); // autumn holiday week
  });

  it('counts a week with a single school day as a school week', () => {
    // 2026-05-11..15: Ascension Thursday, Friday off, three school days remain.
    expect(calendar.schoolWeekOf('2026-05-13')).toBe('2026-05-11');
    // Carnival 2026 is 14-22 Feb: the week of 16 Feb holds no school day.
    expect(calendar.schoolWeekOf('2026-02-18')).toBeNull();
  });

  it('skips the autumn holiday (17-25 Oct 2026) in a window of 4 school weeks: it neither counts nor breaks', () => {
    const w = calendar.schoolWeeksEndingOn('2026-11-04', 4);
    expect(w.weeks).toEqual(['2026-10-05', '2026-10-12', '2026-10-26', '2026-11-02']);
    expect(w.from).toBe('2026-10-05');
    expect(w.to).toBe('2026-11-08');
  });

  it('ends a window asked for inside a holiday on the last school week before it', () => {
    expect(calendar.schoolWeeksEndingOn('2026-10-21', 2).weeks).toEqual(['2026-10-05', '2026-10-12']);
  });

  it('crosses the Christmas holiday and the turn of the year', () => {
    expect(calendar.schoolWeeksEndingOn('2027-01-05', 3).weeks).toEqual([
      '2026-12-07',
      '2026-12-14',
      '2027-01-04',
    ]);
  });
});

describe('The last N school days', () => {
  it('lists them oldest first, including the day itself when it is one', () => {
    expect(calendar.lastSchoolDays('2026-10-27', 4)).toEqual([
      '2026-10-15',
      '2026-10-16',
      '2026-10-26',
      '2026-10-27',
    ]);
  });

  it('starts from the last school day before a holiday date', () => {
    expect(calendar.lastSchoolDays('2026-10-20', 2)).toEqual(['2026-10-15', '2026-10-16']);
  });

  it('gives 28 school days for the KPI window across a holiday', () => {
    const days = calendar.lastSchoolDays('2026-11-13', 28);
    expect(days).toHaveLength(28);
    expect(days[0]).toBe('2026-09-30'); // 5 weeks of 5 days, the autumn holiday skipped, plus 3
    expect(days.every((d) => calendar.isSchoolDay(d))).toBe(true);
  });
});

describe('Working days for due dates', () => {
  it('counts Monday to Friday, skipping public holidays but not school holidays', () => {
    expect(calendar.addWorkingDays('2026-10-16', 5)).toBe('2026-10-23'); // through the autumn holiday
    expect(calendar.addWorkingDays('2026-12-22', 5)).toBe('2026-12-30'); // Christmas Day (Friday) skipped
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07'); // Good Friday, Easter Monday
  });
});

describe('Local dates across summer time', () => {
  it('keeps 29 Mar 2026 and 25 Oct 2026 (clock changes) one day long', () => {
    expect(toDay('2026-03-30') - toDay('2026-03-29')).toBe(1);
    expect(toDay('2026-03-29') - toDay('2026-03-28')).toBe(1);
    expect(toDay('2026-10-26') - toDay('2026-10-25')).toBe(1);
    expect(weekday(toDay('2026-10-25'))).toBe(6); // a Sunday
    expect(weekday(toDay('2026-03-29'))).toBe(6);
    expect(calendar.schoolWeekOf('2026-03-30')).toBe('2026-03-30');
    expect(calendar.lastSchoolDays('2026-03-30', 2)).toEqual(['2026-03-27', '2026-03-30']);
  });

  it('agrees with UTC calendar arithmetic for every day from 1990 to 2040', () => {
    for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2040, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const n = toDay(iso);
      expect(n).toBe(t / 86_400_000);
      expect(fromDay(n)).toBe(iso);
    }
  });

  it('rejects dates that do not exist', () => {
    expect(() => toDay('2026-02-29')).toThrow(RangeError);
    expect(() => toDay('2026-13-01')).toThrow(RangeError);
    expect(() => toDay('26-1-1')).toThrow(RangeError);
  });
});

describe('A calendar the school edits', () => {
  const data: CalendarData = {
    years: [
      {
        id: '2030-31',
        firstDay: '2030-09-02',
        lastDay: '2030-09-27',
        holidays: [{ name: 'Studieweek', from: '2030-09-16', to: '2030-09-22' }],
      },
    ],
    publicHolidayRule: rule,
    extraDaysOff: [{ date: '2030-09-04', name: 'Studiedag' }],
  };
  const own = new SchoolCalendar(data);

  it('follows its own data: years, holidays and added days off', () => {
    expect(own.isSchoolDay('2030-09-03')).toBe(true);
    expect(own.isSchoolDay('2030-09-04')).toBe(false);
    expect(own.schoolWeekOf('2030-09-18')).toBeNull();
    expect(own.schoolWeeksEndingOn('2030-09-27', 3).weeks).toEqual([
      '2030-09-02',
      '2030-09-09',
      '2030-09-23',
    ]);
    expect(() => own.isSchoolDay('2026-10-16')).toThrow(DateOutsideCalendarError); // not in its data
  });

  it('returns fewer weeks when the data starts later than the window would', () => {
    expect(own.schoolWeeksEndingOn('2030-09-10', 4).weeks).toEqual(['2030-09-02', '2030-09-09']);
  });
});

describe('Calendar data checks', () => {
  const year = { id: 'x', firstDay: '2030-09-02', lastDay: '2030-09-27', holidays: [] };
  it('rejects dates that do not exist and reversed periods', () => {
    expect(
      () =>
        new SchoolCalendar({
          years: [{ ...year, firstDay: '2030-09-31' }],
          publicHolidayRule: rule,
          extraDaysOff: [],
        }),
    ).toThrow(RangeError);
    expect(
      () =>
        new SchoolCalendar({
          years: [{ ...year, lastDay: '2030-08-01' }],
          publicHolidayRule: rule,
          extraDaysOff: [],
        }),
    ).toThrow(/firstDay after lastDay/);
    const reversed = { ...year, holidays: [{ name: 'Herfst', from: '2030-09-20', to: '2030-09-16' }] };
    expect(
      () => new SchoolCalendar({ years: [reversed], publicHolidayRule: rule, extraDaysOff: [] }),
    ).toThrow(/Herfst/);
  });

  it('finds the school day before a date, across weekends and holidays', () => {
    expect(calendar.previousSchoolDay('2026-10-26')).toBe('2026-10-16');
    expect(calendar.previousSchoolDay('2025-08-18')).toBeNull();
  });
});
