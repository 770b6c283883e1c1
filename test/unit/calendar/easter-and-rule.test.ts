/**
 * Public holidays (issue 10): Easter by the Gregorian computus, over the range of its special
 * cases, and the school's hand-edited holiday rule refused when a value would mean something else.
 */
import { describe, expect, it } from 'vitest';
import { easterSunday, fromDay, type PublicHolidayRule, SchoolCalendar } from '../../../shared/calendar';

describe('Easter Sunday – known dates', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest possible
    [1900, '1900-04-15'],
    [1943, '1943-04-25'], // the latest possible
    [1954, '1954-04-18'], // a year the short-cut rules of the computus correct
    [1981, '1981-04-19'], // idem
    [2000, '2000-04-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2049, '2049-04-18'], // idem
    [2076, '2076-04-19'], // idem
    [2100, '2100-03-28'],
    [2285, '2285-03-22'], // the earliest possible
  ])('%i: %s', (year, date) => {
    expect(fromDay(easterSunday(year))).toBe(date);
  });
});

describe('publicHolidayRule – values the school edits by hand', () => {
  const year = { id: '2030-31', firstDay: '2030-09-02', lastDay: '2031-07-11', holidays: [] };
  const build = (rule: unknown) =>
    new SchoolCalendar({ years: [year], publicHolidayRule: rule as PublicHolidayRule, extraDaysOff: [] });
  const flags = 'publicHolidayRule: goodFriday and fridayAfterAscension must be true or false';

  it('refuses a missing rule with the explanation, not a crash', () => {
    expect(() => build(undefined)).toThrow(flags);
  });

  it('refuses goodFriday or fridayAfterAscension that is not true or false', () => {
    expect(() => build({ goodFriday: 'yes', liberationDay: 'lustrum', fridayAfterAscension: true })).toThrow(
      flags,
    );
    expect(() => build({ goodFriday: true, liberationDay: 'lustrum' })).toThrow(flags);
    expect(() => build({ goodFriday: true, liberationDay: 'lustrum', fridayAfterAscension: 1 })).toThrow(
      flags,
    );
  });

  it('refuses a liberationDay other than always, lustrum or never', () => {
    expect(() => build({ goodFriday: true, liberationDay: 'sometimes', fridayAfterAscension: true })).toThrow(
      'publicHolidayRule: liberationDay must be "always", "lustrum" or "never"',
    );
    expect(() => build({ goodFriday: true, liberationDay: '', fridayAfterAscension: true })).toThrow(
      'liberationDay must be',
    );
  });

  it('accepts each of the three liberationDay values', () => {
    for (const liberationDay of ['always', 'lustrum', 'never'] as const) {
      expect(
        build({ goodFriday: false, liberationDay, fridayAfterAscension: false }).isSchoolDay('2030-09-02'),
      ).toBe(true);
    }
  });
});
