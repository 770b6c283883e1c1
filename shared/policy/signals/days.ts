/**
 * The student's day summaries as the rules read them: only days up to `asOf`, in school weeks,
 * one per date, oldest first, on integer day numbers. Whatever order or duplicates the caller
 * passes, the result is the same (duplicates of a date are merged by taking the larger of each
 * figure, so a stale copy never hides minutes).
 *
 * Stored column-wise in typed arrays that are reused from one student to the next: the nightly
 * run evaluates tens of thousands of students, and per-day objects would keep the garbage
 * collector busy. Evaluation is synchronous, so one scratch table is never shared by two
 * evaluations at once; rules must not keep a reference to it after they return.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { type DayNumber, toDay } from '../../calendar/dates';
import type { DaySummary, IsoDate } from '../types';

export class DayTable {
  length = 0;
  day = new Int32Array(0);
  /** 1-based school-week ordinal from the calendar. */
  week = new Int32Array(0);
  lessons = new Int32Array(0);
  unauthorizedMinutes = new Float64Array(0);
  unauthorizedAbsentLessons = new Int32Array(0);
  unauthorizedLateOrEarly = new Int32Array(0);
  sick = new Uint8Array(0);
  date: IsoDate[] = [];

  reset(capacity: number): void {
    this.length = 0;
    // Stryker disable next-line EqualityOperator: reallocating a table of exactly the capacity gives the same empty table
    if (this.day.length >= capacity) return;
    // Stryker disable next-line ArithmeticOperator: the growth factor is for speed; the size is at least the capacity either way
    const size = Math.max(capacity, this.day.length * 2, 64);
    this.day = new Int32Array(size);
    this.week = new Int32Array(size);
    this.lessons = new Int32Array(size);
    this.unauthorizedMinutes = new Float64Array(size);
    this.unauthorizedAbsentLessons = new Int32Array(size);
    this.unauthorizedLateOrEarly = new Int32Array(size);
    this.sick = new Uint8Array(size);
  }

  push(s: DaySummary, day: DayNumber, week: number): void {
    const i = this.length++;
    this.day[i] = day;
    this.week[i] = week;
    this.lessons[i] = s.lessons;
    this.unauthorizedMinutes[i] = s.unauthorizedMinutes;
    this.unauthorizedAbsentLessons[i] = s.unauthorizedAbsentLessons;
    this.unauthorizedLateOrEarly[i] = s.unauthorizedLateOrEarly;
    this.sick[i] = s.sick ? 1 : 0;
    this.date[i] = s.date;
  }

  /** Merge a duplicate of the last row's date into it. */
  mergeIntoLast(s: DaySummary): void {
    const i = this.length - 1;
    this.lessons[i] = Math.max(this.lessons[i] as number, s.lessons);
    this.unauthorizedMinutes[i] = Math.max(this.unauthorizedMinutes[i] as number, s.unauthorizedMinutes);
    this.unauthorizedAbsentLessons[i] = Math.max(
      this.unauthorizedAbsentLessons[i] as number,
      s.unauthorizedAbsentLessons,
    );
    this.unauthorizedLateOrEarly[i] = Math.max(
      this.unauthorizedLateOrEarly[i] as number,
      s.unauthorizedLateOrEarly,
    );
    if (s.sick) this.sick[i] = 1;
  }
}

const cache = new Map<string, DayNumber>();

/**
 * `toDay` for the hot path, memoised: a school's nightly run reads the same few hundred dates
 * millions of times, and a string's hash is cached by the engine, so a lookup is cheaper than
 * parsing. Invalid dates throw (and are never cached).
 */
export function dayNumber(date: IsoDate): DayNumber {
  let n = cache.get(date);
  if (n === undefined) {
    n = toDay(date);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the memo is cleared only costs memory or time, never changes a day number
    if (cache.size >= 50_000) cache.clear();
    cache.set(date, n);
  }
  return n;
}

const scratch = new DayTable();
let order = new Int32Array(64);
let keys = new Int32Array(64);

export function prepareDays(
  days: readonly DaySummary[],
  asOf: DayNumber,
  calendar: SchoolCalendar,
): DayTable {
  const t = scratch;
  t.reset(days.length);
  if (keys.length < days.length) {
    keys = new Int32Array(days.length * 2);
    order = new Int32Array(days.length * 2);
  }
  // Fast path: the store hands days over sorted by date without duplicates.
  // Stryker disable next-line BooleanLiteral: taking the sorting path for sorted days gives the same table, only slower
  let sorted = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const day = dayNumber((days[i] as DaySummary).date);
    keys[i] = day;
    if (day <= last) sorted = false;
    last = day;
  }
  const n = days.length;
  // Stryker disable next-line BlockStatement: without the fast path the sorting path builds the same table, only slower
  if (sorted) {
    for (let i = 0; i < n; i++) add(t, days[i] as DaySummary, keys[i] as number, asOf, calendar, false);
    return t;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const view = order.subarray(0, n);
  // Ties broken by position only to make the sort total; merging is order-independent anyway.
  view.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  let previous = Number.NaN;
  for (let k = 0; k < n; k++) {
    const i = view[k] as number;
    const day = keys[i] as number;
    add(t, days[i] as DaySummary, day, asOf, calendar, day === previous);
    previous = day;
  }
  return t;
}

function add(
  t: DayTable,
  s: DaySummary,
  day: DayNumber,
  asOf: DayNumber,
  calendar: SchoolCalendar,
  dup: boolean,
): void {
  if (day > asOf) return;
  const week = calendar.schoolWeekOrdinal(day);
  if (week === 0) return;
  if (dup) t.mergeIntoLast(s);
  else t.push(s, day, week);
}

/** Day number of the Monday that opens the window of `weeks` school weeks ending with `week`. */
export function windowStart(calendar: SchoolCalendar, week: number, weeks: number): DayNumber {
  return calendar.schoolWeekMonday(Math.max(1, week - weeks + 1));
}

export function afterDay(through: IsoDate | null): DayNumber {
  return through === null ? Number.NEGATIVE_INFINITY : dayNumber(through) + 1;
}
