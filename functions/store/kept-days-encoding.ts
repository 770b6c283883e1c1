import { fromDay, toDay } from '../../shared/calendar/dates';
import type { DaySummary } from '../../shared/policy/types';
import type { KeptDays } from '../domain/kept-days';

/**
 * The kept days as one string attribute, so that 14 school weeks stay well under one read unit
 * next to the rest of the signal state (a map per day would cost its attribute names every day,
 * about 250 bytes, 17 KB for 70 days). A day is its offset from `daysFrom` and its counts in
 * base 36, separated by `,`, trailing zeros left out; days are separated by `;`. A present
 * full-time day takes about 8 bytes, a day of truancy about 16.
 *
 * Fields: offset, lessons, lessonMinutes, unauthorizedMinutes, authorizedMinutes,
 * unauthorizedAbsentLessons, unauthorizedLateOrEarly, flags (1 sick, 2 suspension over its limit).
 */

const FIELDS = [
  'lessons',
  'lessonMinutes',
  'unauthorizedMinutes',
  'authorizedMinutes',
  'unauthorizedAbsentLessons',
  'unauthorizedLateOrEarly',
] as const;

/** The attributes the kept days are stored in on the `SIGNALS` item. */
export interface KeptDaysAttributes {
  daysFrom: string;
  daysTo: string;
  days: string;
  /** The recent days (`KeptDays.recent`) as offsets from `daysFrom` in base 36, `,`-separated; absent when none. */
  daysRecent?: string;
}

export class KeptDaysUnreadable extends Error {
  override name = 'KeptDaysUnreadable';
}

export function encodeKeptDays(kept: KeptDays): KeptDaysAttributes {
  const base = toDay(kept.from);
  const days = kept.days.map((d) => {
    const flags = (d.sick ? 1 : 0) | (d.suspensionOverLimit ? 2 : 0);
    const values = [toDay(d.date) - base, ...FIELDS.map((f) => d[f]), flags];
    while (values.length > 1 && values.at(-1) === 0) values.pop();
    return values.map((v) => v.toString(36)).join(',');
  });
  const recent = (kept.recent ?? []).map((date) => (toDay(date) - base).toString(36)).join(',');
  return {
    daysFrom: kept.from,
    daysTo: kept.to,
    days: days.join(';'),
    ...(recent ? { daysRecent: recent } : {}),
  };
}

/** The kept days of a stored item; undefined when it has none (a state saved before days were kept). */
export function decodeKeptDays(item: Record<string, unknown>): KeptDays | undefined {
  const { daysFrom, daysTo, days } = item;
  if (typeof daysFrom !== 'string' || typeof daysTo !== 'string' || typeof days !== 'string')
    return undefined;
  const base = toDay(daysFrom);
  const decoded = days === '' ? [] : days.split(';').map((text) => decodeDay(base, text));
  const kept: KeptDays = { from: daysFrom, to: daysTo, days: decoded };
  if (typeof item.daysRecent === 'string' && item.daysRecent !== '')
    kept.recent = item.daysRecent.split(',').map((text) => fromDay(base + offset(text)));
  return kept;
}

function offset(text: string): number {
  const value = Number.parseInt(text, 36);
  if (!Number.isSafeInteger(value) || value < 0) throw new KeptDaysUnreadable(text);
  return value;
}

function decodeDay(base: number, text: string): DaySummary {
  const values = text.split(',').map((v) => Number.parseInt(v, 36));
  if (values.some((v) => !Number.isSafeInteger(v) || v < 0)) throw new KeptDaysUnreadable(text);
  const at = (i: number) => values[i] ?? 0;
  const day: DaySummary = {
    date: fromDay(base + at(0)),
    lessons: at(1),
    lessonMinutes: at(2),
    unauthorizedMinutes: at(3),
    authorizedMinutes: at(4),
    unauthorizedAbsentLessons: at(5),
    unauthorizedLateOrEarly: at(6),
    sick: (at(7) & 1) !== 0,
  };
  // Set only when true, as `summarizeDay` does.
  if ((at(7) & 2) !== 0) day.suspensionOverLimit = true;
  return day;
}
