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
import { toDay } from '../../../shared/calendar/dates';

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
    expect(() => new SchoolCalendar({ ...bundled, years: [] } as CalendarData)).toThrow(RangeError);
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

  it('rejects an added day off that does not exist', () => {
    expect(() => build({ extraDaysOff: [{ date: '2030-09-31', name: 'Studiedag' }] })).toThrow(RangeError);
  });
});
