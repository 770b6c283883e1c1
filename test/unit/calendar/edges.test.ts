/**
 * The calendar at the edges of its data, and the data checks. The calendars here are built
 * inside the tests (the bundled one too), so that a calendar that cannot be built fails a test
 * rather than the loading of every test file.
 */
import { describe, expect, it } from 'vitest';
import { type CalendarData, SchoolCalendar } from '../../../shared/calendar/calendar';
import bundled from '../../../shared/calendar/data/regio-zuid.json';
import { toDay } from '../../../shared/calendar/dates';

const regioZuid = () => new SchoolCalendar(bundled satisfies CalendarData);

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

describe('Questions about dates outside the data', () => {
  it('finds no school days or weeks before the data, and an empty window', () => {
    const calendar = regioZuid();
    expect(calendar.lastSchoolDays('2020-01-06', 3)).toEqual([]);
    expect(calendar.previousSchoolDay('2020-01-06')).toBeNull();
    expect(calendar.schoolWeekOf('2020-01-06')).toBeNull();
    expect(calendar.schoolWeeksEndingOn('2020-01-06', 4)).toEqual({
      from: '2020-01-06',
      to: '2020-01-06',
      weeks: [],
    });
  });

  it('answers after the data with the last school days and weeks it has', () => {
    const calendar = regioZuid();
    expect(calendar.lastSchoolDays('2030-01-07', 2)).toEqual(['2027-07-15', '2027-07-16']);
    expect(calendar.previousSchoolDay('2030-01-07')).toBe('2027-07-16');
    expect(calendar.schoolWeekOf('2030-01-07')).toBeNull();
    expect(calendar.schoolWeeksEndingOn('2030-01-07', 1).weeks).toEqual(['2027-07-12']);
    expect(calendar.firstSchoolDayFromNumber(toDay('2030-01-07'))).toBeNull();
  });

  it('gives an empty window of 0 weeks', () => {
    expect(regioZuid().schoolWeeksEndingOn('2026-11-04', 0)).toEqual({
      from: '2026-11-04',
      to: '2026-11-04',
      weeks: [],
    });
  });

  it('treats a school without years entered yet as having no school days at all', () => {
    const empty = new SchoolCalendar({ years: [], publicHolidays: [], extraDaysOff: [] });
    expect(empty.isSchoolDay('2026-11-04')).toBe(false);
    expect(empty.lastSchoolDays('2026-11-04', 5)).toEqual([]);
    expect(empty.schoolWeeksEndingOn('2026-11-04', 4).weeks).toEqual([]);
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
    new SchoolCalendar({ years: [{ ...year, holidays: [] }], publicHolidays: [], extraDaysOff: [], ...data });

  it('accepts a school year of one day and a holiday of one day', () => {
    const oneDay = build({
      years: [{ ...year, holidays: [{ name: 'Studiedag', from: '2030-09-10', to: '2030-09-10' }] }],
    });
    expect(oneDay.isSchoolDay('2030-09-10')).toBe(false);
    expect(oneDay.isSchoolDay('2030-09-11')).toBe(true);
    const short = build({ years: [{ ...year, lastDay: '2030-09-02', holidays: [] }] });
    expect(short.lastSchoolDays('2030-09-30', 5)).toEqual(['2030-09-02']);
  });

  it('rejects a public holiday or an added day off that does not exist', () => {
    expect(() => build({ publicHolidays: [{ date: '2030-02-30', name: 'Nergensdag' }] })).toThrow(RangeError);
    expect(() => build({ extraDaysOff: [{ date: '2030-09-31', name: 'Studiedag' }] })).toThrow(RangeError);
  });
});
