/**
 * Dutch national public holidays follow from the year; which of them are days off is the
 * school's choice, one rule for every year (`PublicHolidayRule` in the calendar data). Keeping
 * the dates out of the data means no year can be forgotten or entered differently.
 */
import type { IsoDate } from '../policy/types';
import { type DayNumber, daysFromCivil, fromDay, weekday } from './dates';

/** The school's choice for the national holidays on which closing is not a given. */
export interface PublicHolidayRule {
  /** Goede Vrijdag: a day off, or a school day. */
  goodFriday: boolean;
  /** Bevrijdingsdag (5 May): every year, only in lustrum years (2025, 2030, ...), or never. */
  liberationDay: 'always' | 'lustrum' | 'never';
  /**
   * The Friday after Ascension: a day off the school adds. It is no public holiday, so it stays
   * a working day for due dates.
   */
  fridayAfterAscension: boolean;
}

export interface DatedDay {
  date: IsoDate;
  name: string;
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return daysFromCivil(year, month, day);
}

/** Koningsdag is 27 April, or the Saturday before when 27 April is a Sunday. */
export function kingsDay(year: number): DayNumber {
  const d = daysFromCivil(year, 4, 27);
  return weekday(d) === 6 ? d - 1 : d;
}

/**
 * The public holidays of `year` that are days off under `rule`: never school days, and skipped
 * when counting working days. Easter Monday, King's Day, Ascension, Whit Monday, New Year and
 * Christmas are always off (the guide); the Sundays (Easter, Whitsun) need no entry.
 */
export function publicHolidaysOff(year: number, rule: PublicHolidayRule): DatedDay[] {
  const easter = easterSunday(year);
  const days: [DayNumber, string][] = [[daysFromCivil(year, 1, 1), 'Nieuwjaarsdag']];
  if (rule.goodFriday) days.push([easter - 2, 'Goede Vrijdag']);
  days.push([easter + 1, 'Tweede Paasdag'], [kingsDay(year), 'Koningsdag']);
  if (liberationDayOff(year, rule)) days.push([daysFromCivil(year, 5, 5), 'Bevrijdingsdag']);
  days.push(
    [easter + 39, 'Hemelvaartsdag'],
    [easter + 50, 'Tweede Pinksterdag'],
    [daysFromCivil(year, 12, 25), 'Eerste Kerstdag'],
    [daysFromCivil(year, 12, 26), 'Tweede Kerstdag'],
  );
  return days.map(([d, name]) => ({ date: fromDay(d), name }));
}

/** Days off that `rule` adds in `year` but that are no public holiday (working days for due dates). */
export function ruleDaysOff(year: number, rule: PublicHolidayRule): DatedDay[] {
  return rule.fridayAfterAscension
    ? [{ date: fromDay(easterSunday(year) + 40), name: 'Vrijdag na Hemelvaart' }]
    : [];
}

function liberationDayOff(year: number, rule: PublicHolidayRule): boolean {
  if (rule.liberationDay === 'always') return true;
  return rule.liberationDay === 'lustrum' && year % 5 === 0;
}

/** A rule the school edits by hand: reject a value that would silently mean something else. */
export function assertValidRule(rule: PublicHolidayRule): void {
  if (typeof rule?.goodFriday !== 'boolean' || typeof rule.fridayAfterAscension !== 'boolean')
    throw new RangeError('publicHolidayRule: goodFriday and fridayAfterAscension must be true or false');
  if (!['always', 'lustrum', 'never'].includes(rule.liberationDay))
    throw new RangeError('publicHolidayRule: liberationDay must be "always", "lustrum" or "never"');
}
