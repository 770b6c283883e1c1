/**
 * The calendar at the edges of its data, and the data checks. The calendars here are built
 * inside the tests (the bundled one too), so that a calendar that cannot be built fails a test
 * rather than the loading of every test file.
 */
import { describe, expect, it } from 'vitest';
import {
  type CalendarData,
  DateOutsideCalendarError,
  SchoolCalendar,
} from '../../../shared/calendar/calendar';
import bundled from '../../../shared/calendar/data/regio-zuid.json';
import { fromDay, toDay } from '../../../shared/calendar/dates';

const regioZuid = () => new SchoolCalendar(bundled as CalendarData);

describe('The bundled calendar (regio Zuid)', () => {
  it('builds from its data, with lessons on the first day of each school year', () => {
    const calendar = regioZuid();
    expect(calendar.isSchoolDay('2025-08-18')).toBe(true);
    expect(calendar.isSchoolDay('2026-08-24')).toBe(true);
    expect(calendar.isSchoolDay('2026-10-19')).toBe(false); // autumn holiday
  });

  it('knows the public holidays, which due dates skip', () => {
    const calendar = regioZuid();
    expect(calendar.isPublicHoliday('2026-12-25')).toBe(true);
    expect(calendar.isPublicHoliday('2026-12-23')).toBe(false); // in the Christmas holiday, a working day
  });
});

describe('Questions about dates outside the data: unknown, never "no school"', () => {
  it('refuses the questions before the data with DateOutsideCalendarError', () => {
    const calendar = regioZuid();
    expect(() => calendar.isSchoolDay('2020-01-06')).toThrow(DateOutsideCalendarError);
    expect(() => calendar.lastSchoolDays('2020-01-06', 3)).toThrow(DateOutsideCalendarError);
    expect(() => calendar.schoolWeekOf('2020-01-06')).toThrow(DateOutsideCalendarError);
    expect(() => calendar.schoolWeeksEndingOn('2020-01-06', 4)).toThrow(DateOutsideCalendarError);
    expect(calendar.covers('2020-01-06')).toBe(false);
  });

  it('refuses the questions after the data, and a look-back from there finds nothing', () => {
    const calendar = regioZuid();
    expect(() => calendar.isSchoolDay('2030-01-07')).toThrow(DateOutsideCalendarError);
    expect(() => calendar.lastSchoolDays('2030-01-07', 2)).toThrow(DateOutsideCalendarError);
    expect(() => calendar.schoolWeekOf('2030-01-07')).toThrow(DateOutsideCalendarError);
    expect(calendar.previousSchoolDay('2030-01-07')).toBeNull();
    expect(calendar.firstSchoolDayFromNumber(toDay('2030-01-07'))).toBeNull();
    expect(calendar.covers('2030-01-07')).toBe(false);
  });

  it('gives an empty window of 0 weeks', () => {
    expect(regioZuid().schoolWeeksEndingOn('2026-11-04', 0)).toEqual({
      from: '2026-11-04',
      to: '2026-11-04',
      weeks: [],
    });
  });

  it('refuses a calendar without any school year rather than a school without school days', () => {
    expect(() => new SchoolCalendar({ ...bundled, years: [] } as CalendarData)).toThrow(
      new RangeError('The calendar holds no school year'),
    );
  });
});

describe('A school week ends on its last school day', () => {
  it('takes Thursday as the last school day of the week of Ascension (Thursday off, Friday added off)', () => {
    const calendar = regioZuid();
    const ordinal = calendar.schoolWeekOrdinal(toDay('2026-05-11'));
    expect(calendar.lastSchoolDayOfWeek(ordinal)).toBe(toDay('2026-05-13'));
    const full = calendar.schoolWeekOrdinal(toDay('2026-11-02'));
    expect(calendar.lastSchoolDayOfWeek(full)).toBe(toDay('2026-11-06'));
  });
});

describe('Calendar data checks', () => {
  const year = { id: 'x', firstDay: '2030-09-02', lastDay: '2030-09-27' };
  const build = (data: Partial<CalendarData>) =>
    new SchoolCalendar({
      years: [{ ...year, holidays: [] }],
      publicHolidayRule: bundled.publicHolidayRule,
      extraDaysOff: [],
      ...data,
    } as CalendarData);

  it('accepts a school year of one day and a holiday of one day', () => {
    const oneDay = build({
      years: [{ ...year, holidays: [{ name: 'Studiedag', from: '2030-09-10', to: '2030-09-10' }] }],
    });
    expect(oneDay.isSchoolDay('2030-09-10')).toBe(false);
    expect(oneDay.isSchoolDay('2030-09-11')).toBe(true);
    const short = build({ years: [{ ...year, lastDay: '2030-09-02', holidays: [] }] });
    expect(short.lastSchoolDays('2030-09-06', 5)).toEqual(['2030-09-02']);
  });

  it('takes a school year that opens on a Saturday and closes on a Sunday from its first to its last lesson day', () => {
    const weekendEnds = build({
      years: [{ ...year, firstDay: '2030-08-31', lastDay: '2030-09-29', holidays: [] }],
    });
    expect(weekendEnds.firstSchoolDay).toBe('2030-09-02');
    expect(weekendEnds.lastSchoolDay).toBe('2030-09-27');
    // The week of that Saturday is covered but holds no school day: no window ends in it.
    expect(weekendEnds.schoolWeekOf('2030-08-28')).toBeNull();
    expect(weekendEnds.schoolWeeksEndingOn('2030-08-28', 4)).toEqual({
      from: '2030-08-28',
      to: '2030-08-28',
      weeks: [],
    });
  });

  it('gives no lessons on the public holidays of both calendar years of a school year (Easter Monday 2030 and 2031)', () => {
    const spring = build({
      years: [{ ...year, firstDay: '2030-04-01', lastDay: '2031-04-30', holidays: [] }],
    });
    expect(spring.isSchoolDay('2030-04-22')).toBe(false);
    expect(spring.isSchoolDay('2030-04-23')).toBe(true);
    expect(spring.isSchoolDay('2031-04-14')).toBe(false);
    expect(spring.isSchoolDay('2031-04-15')).toBe(true);
  });

  it('gives no lessons on a study day the school added', () => {
    const studyDay = build({ extraDaysOff: [{ date: '2030-09-10', name: 'Studiedag' }] });
    expect(studyDay.isSchoolDay('2030-09-10')).toBe(false);
    expect(studyDay.isSchoolDay('2030-09-11')).toBe(true);
  });

  it('rejects an added day off that does not exist', () => {
    expect(() => build({ extraDaysOff: [{ date: '2030-09-31', name: 'Studiedag' }] })).toThrow(RangeError);
  });
});

describe('The calendar built from its data (regio Zuid, 2025-26 to 2027-28)', () => {
  it('covers the weeks of its first and last school day, and says so when refusing a date', () => {
    const calendar = regioZuid();
    expect(calendar.coverage).toEqual({ from: '2025-08-18', to: '2028-07-23' });
    expect(() => calendar.assertCovers('2028-07-24')).toThrow('(2025-08-18 to 2028-07-23)');
    expect(() => calendar.assertCovers('2028-07-23')).not.toThrow();
  });

  it('skips the autumn holiday week (19-25 Oct 2026) as a school week, the week after it included', () => {
    const calendar = regioZuid();
    expect(calendar.schoolWeekOf('2026-10-14')).toBe('2026-10-12');
    expect(calendar.schoolWeekOf('2026-10-21')).toBeNull();
    expect(calendar.schoolWeekOf('2026-10-26')).toBe('2026-10-26');
    expect(calendar.schoolWeeksEndingOn('2026-11-04', 4).weeks).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-26',
      '2026-11-02',
    ]);
  });

  it('names its first school week, and counts every school day after a date before the data', () => {
    const calendar = regioZuid();
    expect(calendar.schoolWeekOf('2025-08-20')).toBe('2025-08-18');
    const all = calendar.lastSchoolDays('2028-07-21', 10_000);
    expect(all[0]).toBe('2025-08-18');
    expect(calendar.schoolDaysAfter('2025-01-06')).toBe(all.length);
  });

  it('counts no school days and no school weeks after the data, also from the first Monday past its slack', () => {
    const calendar = regioZuid();
    for (const d of ['2028-09-18', '2035-01-01']) {
      expect(calendar.schoolDaysAfter(d)).toBe(0);
      expect(calendar.schoolWeeksAfter(d)).toBe(0);
    }
  });

  it('ends a 4-week window asked for after the data where the last school week ends, and leaves one before the data open', () => {
    const calendar = regioZuid();
    const start = (d: string) => calendar.rollingWindowStartNumber(toDay(d), 4);
    expect(fromDay(start('2030-01-07'))).toBe(fromDay(start('2028-07-23')));
    expect(start('2025-01-06')).toBe(Number.NEGATIVE_INFINITY);
  });

  it('knows public holidays long before and after its years (Christmas 2020 and 2035, New Year 2030)', () => {
    const calendar = regioZuid();
    expect(calendar.isPublicHoliday('2020-12-25')).toBe(true);
    expect(calendar.isPublicHoliday('2030-01-01')).toBe(true);
    expect(calendar.isPublicHoliday('2035-12-25')).toBe(true);
    expect(calendar.isPublicHoliday('2035-12-24')).toBe(false);
  });

  it('finds the school year of a date: the one it lies in, the one before a summer holiday, none before the first', () => {
    const calendar = regioZuid();
    expect(calendar.schoolYearAt('2026-07-10')?.id).toBe('2025-26');
    expect(calendar.schoolYearAt('2026-08-24')?.id).toBe('2026-27');
    expect(calendar.schoolYearAt('2026-08-01')?.id).toBe('2025-26');
    expect(calendar.schoolYearAt('2025-08-17')).toBeNull();
    expect(calendar.schoolYearAt('2025-08-18')?.id).toBe('2025-26');
  });
});
