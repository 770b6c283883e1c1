import { describe, expect, it } from 'vitest';
import {
  defaultCalendar as calendar,
  easterSunday,
  fromDay,
  kingsDay,
  type PublicHolidayRule,
  publicHolidaysOff,
  ruleDaysOff,
  SchoolCalendar,
} from '../../../shared/calendar';

const everything: PublicHolidayRule = {
  goodFriday: true,
  liberationDay: 'always',
  fridayAfterAscension: true,
};
const school: PublicHolidayRule = { goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: true };

const dates = (year: number, rule: PublicHolidayRule) =>
  Object.fromEntries(publicHolidaysOff(year, rule).map((d) => [d.name, d.date]));

describe('National public holidays follow from the year (guide, "School calendar")', () => {
  it.each([
    [2026, '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-14', '2028-04-17', '2028-04-27', '2028-05-25', '2028-06-05'],
  ])('%i: the dates the guide lists', (year, goodFriday, easterMonday, king, ascension, whitMonday) => {
    expect(dates(year, everything)).toEqual({
      Nieuwjaarsdag: `${year}-01-01`,
      'Goede Vrijdag': goodFriday,
      'Tweede Paasdag': easterMonday,
      Koningsdag: king,
      Bevrijdingsdag: `${year}-05-05`,
      Hemelvaartsdag: ascension,
      'Tweede Pinksterdag': whitMonday,
      'Eerste Kerstdag': `${year}-12-25`,
      'Tweede Kerstdag': `${year}-12-26`,
    });
  });

  it('computes Easter for years with known dates, early and late', () => {
    expect(fromDay(easterSunday(2025))).toBe('2025-04-20');
    expect(fromDay(easterSunday(2008))).toBe('2008-03-23'); // early
    expect(fromDay(easterSunday(2038))).toBe('2038-04-25'); // the latest possible
    expect(fromDay(easterSunday(2000))).toBe('2000-04-23');
  });

  it("moves King's Day to Saturday 26 April when 27 April is a Sunday (2025, 2031)", () => {
    expect(fromDay(kingsDay(2025))).toBe('2025-04-26');
    expect(fromDay(kingsDay(2031))).toBe('2031-04-26');
    expect(fromDay(kingsDay(2026))).toBe('2026-04-27');
  });
});

describe("The school's rule: which public holidays are days off (one rule every year)", () => {
  it('keeps Liberation Day off only in lustrum years under "lustrum"', () => {
    expect(dates(2025, school).Bevrijdingsdag).toBe('2025-05-05');
    expect(dates(2030, school).Bevrijdingsdag).toBe('2030-05-05');
    for (const year of [2026, 2027, 2028]) expect(dates(year, school).Bevrijdingsdag).toBeUndefined();
    expect(dates(2030, { ...school, liberationDay: 'never' }).Bevrijdingsdag).toBeUndefined();
  });

  it('leaves Good Friday a school day when the school does not close', () => {
    expect(dates(2027, { ...school, goodFriday: false })['Goede Vrijdag']).toBeUndefined();
    expect(dates(2027, school)['Goede Vrijdag']).toBe('2027-03-26');
  });

  it('adds the Friday after Ascension as a day off that is no public holiday', () => {
    expect(ruleDaysOff(2028, school)).toEqual([{ date: '2028-05-26', name: 'Vrijdag na Hemelvaart' }]);
    expect(ruleDaysOff(2028, { ...school, fridayAfterAscension: false })).toEqual([]);
  });

  it('applies to the bundled calendar in every year alike (regio Zuid)', () => {
    for (const d of ['2026-04-03', '2027-03-26', '2028-04-14']) expect(calendar.isSchoolDay(d)).toBe(false); // Good Friday
    for (const d of ['2026-05-15', '2027-05-07', '2028-05-26']) expect(calendar.isSchoolDay(d)).toBe(false); // Friday after Ascension
    expect(calendar.isSchoolDay('2026-05-05')).toBe(true); // Liberation Day, no lustrum year (2028's falls in the May holiday)
    expect(calendar.isSchoolDay('2028-06-05')).toBe(false); // Whit Monday
    expect(calendar.isSchoolDay('2028-04-17')).toBe(false); // Easter Monday
    expect(calendar.isSchoolDay('2028-04-27')).toBe(false); // King's Day
  });

  it('skips the public holidays that are days off when counting working days, in any year', () => {
    expect(calendar.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30'); // Good Friday, Easter Monday 2027
    expect(calendar.addWorkingDays('2028-05-24', 1)).toBe('2028-05-26'); // Ascension; the Friday after is a working day
    expect(calendar.addWorkingDays('2026-05-04', 1)).toBe('2026-05-05'); // Liberation Day 2026 is a school day
    expect(calendar.addWorkingDays('2030-05-03', 1)).toBe('2030-05-06'); // Friday to Monday
    expect(calendar.addWorkingDays('2030-05-06', 1)).toBe('2030-05-07'); // Liberation Day 2030 off (lustrum)
    expect(calendar.addWorkingDays('2040-12-24', 1)).toBe('2040-12-27'); // far beyond the data: still the rule
  });

  it('rejects a rule the school mistyped', () => {
    const year = { id: 'x', firstDay: '2030-09-02', lastDay: '2030-09-27', holidays: [] };
    const bad = { ...school, liberationDay: 'lustra' } as unknown as PublicHolidayRule;
    expect(() => new SchoolCalendar({ years: [year], publicHolidayRule: bad, extraDaysOff: [] })).toThrow(
      /liberationDay/,
    );
  });
});
