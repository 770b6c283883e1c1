/**
 * Age and legal status on a date (Leerplichtwet 1969, WEB art. 8.1.8a). Pure date arithmetic on
 * `YYYY-MM-DD` strings: no time zone, so summer time never moves a birthday.
 */
import { civilFromDays, toDay } from '../calendar/dates';
import type { IsoDate, StudentFacts } from './types';

/**
 * Whole years on `d`. Someone born on 29 February turns a year older on 1 March in common
 * years (the day after 28 February).
 */
export function ageOn(birthDate: IsoDate, d: IsoDate): number {
  const b = civilFromDays(toDay(birthDate));
  const t = civilFromDays(toDay(d));
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age--;
  return age;
}

export type LegalStatus = 'leerplichtig' | 'kwalificatieplichtig' | 'rmc' | 'none';
export type DuoRecipient = 'LPA' | 'RMC';

/** 31 July of the school year (1 August - 31 July) in which the student turns 16. */
export function endOfLeerplicht(birthDate: IsoDate): IsoDate {
  const b = civilFromDays(toDay(birthDate));
  const sixteen = b.year + 16;
  // A birthday on 29 February falls on 1 March in a common year: still before August.
  const schoolYearEnd = b.month >= 8 ? sixteen + 1 : sixteen;
  return `${schoolYearEnd}-07-31`;
}

/**
 * Leerplichtig until 31 July of the school year in which the student turns 16; then
 * kwalificatieplichtig until 18 unless they hold a starting qualification; then RMC (18 up to
 * 23) without one; otherwise none. DUO routes reports to the LPA (leerplicht and
 * kwalificatieplicht) or the RMC; nobody receives one otherwise.
 */
export function legalStatus(
  s: Pick<StudentFacts, 'birthDate' | 'startQualification'>,
  d: IsoDate,
): { status: LegalStatus; duoRecipient: DuoRecipient | null } {
  if (d <= endOfLeerplicht(s.birthDate)) return { status: 'leerplichtig', duoRecipient: 'LPA' };
  if (s.startQualification) return { status: 'none', duoRecipient: null };
  const age = ageOn(s.birthDate, d);
  if (age < 18) return { status: 'kwalificatieplichtig', duoRecipient: 'LPA' };
  if (age < 23) return { status: 'rmc', duoRecipient: 'RMC' };
  return { status: 'none', duoRecipient: null };
}
