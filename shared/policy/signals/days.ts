/**
 * The student's day summaries as the rules read them: only days up to `asOf`, in school weeks,
 * one per date, oldest first, on integer day numbers. Whatever order or duplicates the caller
 * passes, the result is the same (duplicates of a date are merged by taking the larger of each
 * figure, so a stale copy never hides minutes).
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { type DayNumber, toDay } from '../../calendar/dates';
import type { DaySummary, IsoDate } from '../types';

export interface Day {
  day: DayNumber;
  date: IsoDate;
  /** 1-based school-week ordinal from the calendar. */
  week: number;
  lessons: number;
  unauthorizedMinutes: number;
  unauthorizedAbsentLessons: number;
  unauthorizedLateOrEarly: number;
  sick: boolean;
}

const dayCache = new Map<string, DayNumber>();

/** `toDay` with a cache: a school's nightly run parses the same few hundred dates millions of times. */
export function dayNumber(date: IsoDate): DayNumber {
  let n = dayCache.get(date);
  if (n === undefined) {
    n = toDay(date);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(date, n);
  }
  return n;
}

export function prepareDays(days: readonly DaySummary[], asOf: DayNumber, calendar: SchoolCalendar): Day[] {
  const byDay = new Map<DayNumber, Day>();
  for (const s of days) {
    const day = dayNumber(s.date);
    if (day > asOf) continue;
    const week = calendar.schoolWeekOrdinal(day);
    if (week === 0) continue;
    const seen = byDay.get(day);
    if (!seen) {
      byDay.set(day, {
        day,
        date: s.date,
        week,
        lessons: s.lessons,
        unauthorizedMinutes: s.unauthorizedMinutes,
        unauthorizedAbsentLessons: s.unauthorizedAbsentLessons,
        unauthorizedLateOrEarly: s.unauthorizedLateOrEarly,
        sick: s.sick,
      });
    } else {
      seen.lessons = Math.max(seen.lessons, s.lessons);
      seen.unauthorizedMinutes = Math.max(seen.unauthorizedMinutes, s.unauthorizedMinutes);
      seen.unauthorizedAbsentLessons = Math.max(seen.unauthorizedAbsentLessons, s.unauthorizedAbsentLessons);
      seen.unauthorizedLateOrEarly = Math.max(seen.unauthorizedLateOrEarly, s.unauthorizedLateOrEarly);
      seen.sick = seen.sick || s.sick;
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** Day number of the Monday that opens the window of `weeks` school weeks ending with `week`. */
export function windowStart(calendar: SchoolCalendar, week: number, weeks: number): DayNumber {
  return calendar.schoolWeekMonday(Math.max(1, week - weeks + 1));
}

export function afterDay(through: IsoDate | null): DayNumber {
  return through === null ? Number.NEGATIVE_INFINITY : dayNumber(through) + 1;
}
