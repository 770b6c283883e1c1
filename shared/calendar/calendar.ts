/**
 * The school calendar: which dates are school days, and the school-week arithmetic the signal
 * rules count in. Built once from data a school edits (`data/*.json`) into flat indexes over
 * integer day numbers, so every question below is an array lookup.
 *
 * A school week runs Monday to Sunday and holds at least one school day. Weeks without school
 * days (holidays) are skipped: they neither count towards a window nor break a streak.
 *
 * The calendar covers whole weeks from the week of its first school day to the week of its last
 * one, summer holidays between its years included. Whether a date beyond that is a school day is
 * unknown, never "no": the questions on ISO dates throw `DateOutsideCalendarError` for it.
 */
import type { IsoDate } from '../policy/types';
import { civilFromDays, type DayNumber, daysFromCivil, fromDay, mondayOf, toDay, weekday } from './dates';
import { assertValidRule, type PublicHolidayRule, publicHolidaysOff, ruleDaysOff } from './holidays';

export interface CalendarPeriod {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

export interface CalendarDay {
  date: IsoDate;
  name: string;
}

export interface SchoolYear {
  /** e.g. `2026-27`. */
  id: string;
  /** First and last day lessons may be given (the summer holiday lies outside). */
  firstDay: IsoDate;
  lastDay: IsoDate;
  holidays: CalendarPeriod[];
}

export interface CalendarData {
  name?: string;
  /** Consecutive school years, oldest first. */
  years: SchoolYear[];
  /**
   * Which national public holidays are days off; their dates follow from the year. Those days
   * off are never school days and never working days (due dates skip them).
   */
  publicHolidayRule: PublicHolidayRule;
  /** Days off the school adds on top of the holidays and the rule (study days). */
  extraDaysOff: CalendarDay[];
}

/** The first and last date the calendar answers for (a Monday and a Sunday). */
export interface CalendarCoverage {
  from: IsoDate;
  to: IsoDate;
}

/** A question about a date the calendar's data does not reach: add the school year to the data. */
export class DateOutsideCalendarError extends Error {
  override readonly name = 'DateOutsideCalendarError';
  constructor(
    readonly date: IsoDate,
    readonly coverage: CalendarCoverage,
  ) {
    super(`${date} lies outside the school calendar (${coverage.from} to ${coverage.to})`);
  }
}

/** The longest summer holiday between two school years; a longer gap means a year is missing. */
export const MAX_SUMMER_WEEKS = 13;

export interface SchoolWeeksWindow {
  /** Monday of the first school week. */
  from: IsoDate;
  /** Sunday of the last school week. */
  to: IsoDate;
  /** Mondays of the school weeks, oldest first. */
  weeks: IsoDate[];
}

/** Weeks of slack around the data so that look-backs from the first weeks stay in range. */
const PAD_DAYS = 7 * 8;

export class SchoolCalendar {
  /** Day number of index 0 of the arrays below (always a Monday). */
  private readonly base: DayNumber;
  private readonly length: number;
  private readonly school: Uint8Array;
  /** Number of school days on or before each day (inclusive), relative to `base`. */
  private readonly schoolDaysUpTo: Int32Array;
  /** Day numbers of all school days, ascending. */
  private readonly schoolDays: Int32Array;
  /** Per week (index from `base`): 1-based ordinal of the school week, or 0 if it holds no school day. */
  private readonly weekOrdinal: Int32Array;
  /** Per school-week ordinal (1-based; index 0 unused): day number of its Monday. */
  private readonly schoolWeekMondays: Int32Array;
  /** Per school-week ordinal: day number of its last school day. */
  private readonly schoolWeekLastDays: Int32Array;
  private readonly rule: PublicHolidayRule;
  /** Public holidays that are days off, for the calendar years around the data... */
  private readonly publicHolidays: Set<DayNumber>;
  private readonly publicHolidaysFrom: DayNumber;
  private readonly publicHolidaysTo: DayNumber;
  /** ...and, computed when first asked, for any other year (working days far ahead). */
  private readonly otherYears = new Map<number, ReadonlySet<DayNumber>>();
  /** First and last covered day (a Monday and a Sunday). */
  private readonly coverFrom: DayNumber;
  private readonly coverTo: DayNumber;
  readonly coverage: CalendarCoverage;
  /** The first and the last school day of the data (first and last lesson day of its years). */
  readonly firstSchoolDay: IsoDate;
  readonly lastSchoolDay: IsoDate;
  /** The school years of the data, oldest first, with their holidays (for display). */
  readonly years: readonly SchoolYear[];

  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: fills the readonly day-table indexes (school flags, running counts, week ordinals) in dependency order, one block each; only the constructor may assign readonly fields
  constructor(data: CalendarData) {
    assertValid(data);
    this.years = data.years;
    this.rule = data.publicHolidayRule;
    const years = data.years.map((y) => ({
      first: toDay(y.firstDay),
      last: toDay(y.lastDay),
      holidays: y.holidays.map((h) => ({ from: toDay(h.from), to: toDay(h.to) })),
    }));
    const first = (years[0] as { first: number }).first;
    const last = (years[years.length - 1] as { last: number }).last;
    this.coverFrom = mondayOf(first);
    this.coverTo = mondayOf(last) + 6;
    this.coverage = { from: fromDay(this.coverFrom), to: fromDay(this.coverTo) };
    const firstYear = civilFromDays(first).year;
    const lastYear = civilFromDays(last).year;
    // Stryker disable next-line ArithmeticOperator: only which years are preloaded; isPublicHolidayNumber computes any other year to the same answer
    this.publicHolidaysFrom = daysFromCivil(firstYear - 1, 1, 1);
    // Stryker disable next-line ArithmeticOperator: only which years are preloaded; isPublicHolidayNumber computes any other year to the same answer
    this.publicHolidaysTo = daysFromCivil(lastYear + 2, 1, 1); // exclusive
    this.publicHolidays = new Set();
    const extra = new Set(data.extraDaysOff.map((d) => toDay(d.date)));
    for (let year = firstYear - 1; year <= lastYear + 1; year++) {
      for (const d of publicHolidaysOff(year, this.rule)) this.publicHolidays.add(toDay(d.date));
      for (const d of ruleDaysOff(year, this.rule)) extra.add(toDay(d.date));
    }
    const publicHolidays = this.publicHolidays;
    this.base = mondayOf(first) - PAD_DAYS;
    const end = mondayOf(last) + 7 + PAD_DAYS; // exclusive, a Monday
    this.length = end - this.base;

    this.school = new Uint8Array(this.length);
    for (const y of years) {
      for (let d = y.first; d <= y.last; d++) {
        if (weekday(d) < 5 && !publicHolidays.has(d) && !extra.has(d)) this.school[d - this.base] = 1;
      }
      for (const h of y.holidays) {
        for (let d = Math.max(h.from, this.base); d <= h.to && d < end; d++) this.school[d - this.base] = 0;
      }
    }

    this.schoolDaysUpTo = new Int32Array(this.length);
    const days: number[] = [];
    let count = 0;
    // Stryker disable next-line EqualityOperator: one step past the end reads no school day and writes nowhere (typed arrays ignore it)
    for (let i = 0; i < this.length; i++) {
      if (this.school[i] === 1) {
        count++;
        days.push(this.base + i);
      }
      this.schoolDaysUpTo[i] = count;
    }
    this.schoolDays = Int32Array.from(days);

    // Stryker disable next-line ArithmeticOperator: more weeks only add empty entries past the end, which every lookup guards
    const weeks = this.length / 7;
    this.weekOrdinal = new Int32Array(weeks);
    const mondays: number[] = [0];
    // Stryker disable next-line EqualityOperator: the week past the end has no school day, and its entry is ignored
    for (let w = 0; w < weeks; w++) {
      let any = false;
      for (let k = 0; k < 7; k++) if (this.school[w * 7 + k] === 1) any = true;
      if (any) {
        mondays.push(this.base + w * 7);
        this.weekOrdinal[w] = mondays.length - 1;
      }
    }
    this.schoolWeekMondays = Int32Array.from(mondays);
    this.schoolWeekLastDays = this.schoolWeekMondays.map((monday, ordinal) => {
      // Stryker disable next-line ConditionalExpression: ordinal 0 has Monday 0 (1970), whose week holds no school day, so the loop returns 0 as well
      if (ordinal === 0) return 0;
      // Stryker disable next-line EqualityOperator: whether Monday is looked at too, a week without a later school day returns its Monday
      for (let d = monday + 6; d > monday; d--) if (this.isSchoolDayNumber(d)) return d;
      return monday;
    });
    this.firstSchoolDay = fromDay(this.schoolDays[0] ?? first);
    this.lastSchoolDay = fromDay(this.schoolDays[this.schoolDays.length - 1] ?? last);
  }

  // ---- what the calendar covers ----

  /** Whether the calendar knows if d is a school day (summer holidays between its years included). */
  covers(d: IsoDate): boolean {
    return this.coversNumber(toDay(d));
  }

  coversNumber(day: DayNumber): boolean {
    return day >= this.coverFrom && day <= this.coverTo;
  }

  /** Throws `DateOutsideCalendarError` unless the calendar covers d. */
  assertCovers(d: IsoDate): void {
    this.coveredDay(d);
  }

  /** d's day number; throws `DateOutsideCalendarError` unless the calendar covers d. */
  private coveredDay(d: IsoDate): DayNumber {
    const day = toDay(d);
    if (!this.coversNumber(day)) throw new DateOutsideCalendarError(d, this.coverage);
    return day;
  }

  /** School days after d up to the calendar's end (all of them before its start, 0 beyond its end). */
  schoolDaysAfter(d: IsoDate): number {
    return this.schoolDays.length - this.schoolDaysUpToNumber(toDay(d));
  }

  /** School weeks that start after d's week, up to the calendar's end. */
  schoolWeeksAfter(d: IsoDate): number {
    return this.schoolWeekMondays.length - 1 - this.schoolWeekOrdinalAtOrBefore(toDay(d));
  }

  /** The school year containing d, else the last one begun before d (null before the first). */
  schoolYearAt(d: IsoDate): SchoolYear | null {
    return (
      this.years.find((y) => y.firstDay <= d && d <= y.lastDay) ??
      this.years.filter((y) => y.firstDay <= d).at(-1) ??
      null
    );
  }

  // ---- the public API on ISO dates (each throws `DateOutsideCalendarError` beyond the data) ----

  isSchoolDay(d: IsoDate): boolean {
    return this.isSchoolDayNumber(this.coveredDay(d));
  }

  /** Monday of d's week if that week holds at least one school day, else null. */
  schoolWeekOf(d: IsoDate): IsoDate | null {
    const ordinal = this.schoolWeekOrdinal(this.coveredDay(d));
    return ordinal === 0 ? null : fromDay(this.schoolWeekMonday(ordinal));
  }

  /**
   * The n consecutive school weeks ending with the school week containing d (or, if d lies in
   * a week without school days, the last school week before it). Fewer than n weeks only at the
   * start of the calendar's data.
   */
  schoolWeeksEndingOn(d: IsoDate, n: number): SchoolWeeksWindow {
    const end = this.schoolWeekOrdinalAtOrBefore(this.coveredDay(d));
    if (end === 0 || n <= 0) return { from: d, to: d, weeks: [] };
    const start = Math.max(1, end - n + 1);
    const weeks: IsoDate[] = [];
    for (let o = start; o <= end; o++) weeks.push(fromDay(this.schoolWeekMonday(o)));
    return {
      from: fromDay(this.schoolWeekMonday(start)),
      to: fromDay(this.schoolWeekMonday(end) + 6),
      weeks,
    };
  }

  /** The last n school days up to and including d, oldest first. */
  lastSchoolDays(d: IsoDate, n: number): IsoDate[] {
    const day = this.coveredDay(d);
    const upTo = this.schoolDaysUpToNumber(day);
    const out: IsoDate[] = [];
    for (let i = Math.max(0, upTo - n); i < upTo; i++) out.push(fromDay(this.schoolDays[i] as number));
    return out;
  }

  /** d plus n working days (Monday to Friday, not a public holiday); holidays of the school do count. */
  addWorkingDays(d: IsoDate, n: number): IsoDate {
    return fromDay(this.addWorkingDaysNumber(toDay(d), n));
  }

  /**
   * The school day before d (d itself excluded); null when none is known: before the calendar's
   * first school day, or for a d beyond its end (the days in between are unknown). Looking back
   * from such a date (a stretch of suspension days) then stops instead of skipping unknown days.
   */
  previousSchoolDay(d: IsoDate): IsoDate | null {
    const day = toDay(d);
    if (day > this.coverTo) return null;
    const before = this.schoolDaysUpToNumber(day - 1);
    return before === 0 ? null : fromDay(this.schoolDays[before - 1] as number);
  }

  /** A public holiday that is a day off under the school's rule (any year: the dates follow from it). */
  isPublicHoliday(d: IsoDate): boolean {
    return this.isPublicHolidayNumber(toDay(d));
  }

  // ---- the same on day numbers, for hot paths ----
  // Unchecked for speed: outside the data they answer "no school day". A caller checks the date
  // it evaluates as of (`covers`, as the nightly run does); look-backs from it stay in range.

  isSchoolDayNumber(day: DayNumber): boolean {
    const i = day - this.base;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the range check is for speed; a typed array read out of range is undefined, never 1
    return i >= 0 && i < this.length && this.school[i] === 1;
  }

  /** Number of school days on or before `day`. */
  schoolDaysUpToNumber(day: DayNumber): number {
    const i = day - this.base;
    // Stryker disable next-line EqualityOperator: index 0 lies in the padding before the data, where no school day is counted yet
    if (i < 0) return 0;
    if (i >= this.length) return this.schoolDays.length;
    return this.schoolDaysUpTo[i] as number;
  }

  /** 1-based ordinal of the school week containing `day`, or 0 if its week holds no school day. */
  schoolWeekOrdinal(day: DayNumber): number {
    const i = day - this.base;
    if (i < 0 || i >= this.length) return 0;
    return this.weekOrdinal[Math.floor(i / 7)] as number;
  }

  /** Ordinal of the school week containing `day`, or of the last one before it; 0 if none. */
  schoolWeekOrdinalAtOrBefore(day: DayNumber): number {
    const i = day - this.base;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: from a week before index 0 the loop below does not run and returns 0 too
    if (i < 0) return 0;
    if (i >= this.length) return this.schoolWeekMondays.length - 1;
    // Stryker disable next-line EqualityOperator: week 0 lies in the padding before the data and has ordinal 0
    for (let w = Math.floor(i / 7); w >= 0; w--) {
      const o = this.weekOrdinal[w] as number;
      if (o !== 0) return o;
    }
    return 0;
  }

  /** Monday (day number) of the school week with this 1-based ordinal. */
  schoolWeekMonday(ordinal: number): DayNumber {
    return this.schoolWeekMondays[ordinal] as number;
  }

  /** Last school day (day number) of the school week with this ordinal. */
  lastSchoolDayOfWeek(ordinal: number): DayNumber {
    return this.schoolWeekLastDays[ordinal] as number;
  }

  /**
   * First day of the rolling window of `weeks` school weeks that ends on `day`: the day after the
   * same weekday `weeks` school weeks earlier, holiday weeks skipped (ending on a Friday, it is the
   * Monday of the school week `weeks - 1` back). A day in a week without school days ends the
   * window its last school week's Sunday ends. Before the calendar's data the window is open.
   */
  rollingWindowStartNumber(day: DayNumber, weeks: number): DayNumber {
    let ordinal = this.schoolWeekOrdinal(day);
    let offset = weekday(day);
    if (ordinal === 0) {
      ordinal = this.schoolWeekOrdinalAtOrBefore(day);
      offset = 6;
    }
    if (ordinal - weeks < 1) return Number.NEGATIVE_INFINITY;
    return this.schoolWeekMonday(ordinal - weeks) + offset + 1;
  }

  /** The first school day on or after `day`, or null after the calendar's data. */
  firstSchoolDayFromNumber(day: DayNumber): DayNumber | null {
    const next = this.schoolDays[this.schoolDaysUpToNumber(day - 1)];
    return next === undefined ? null : next;
  }

  addWorkingDaysNumber(day: DayNumber, n: number): DayNumber {
    let d = day;
    let left = n;
    // Stryker disable next-line EqualityOperator: for n = 0 the loop does not run, whichever way it would step
    const step = n >= 0 ? 1 : -1;
    while (left !== 0) {
      d += step;
      if (weekday(d) < 5 && !this.isPublicHolidayNumber(d)) left -= step;
    }
    return d;
  }

  isPublicHolidayNumber(day: DayNumber): boolean {
    if (day >= this.publicHolidaysFrom && day < this.publicHolidaysTo) return this.publicHolidays.has(day);
    const year = civilFromDays(day).year;
    let days = this.otherYears.get(year);
    if (!days) {
      days = new Set(publicHolidaysOff(year, this.rule).map((h) => toDay(h.date)));
      this.otherYears.set(year, days);
    }
    return days.has(day);
  }
}

/**
 * A school edits the data by hand: reject what would silently miscount (invalid or reversed
 * dates, years out of order, a missing year that would leave a gap the calendar claims to cover).
 */
function assertValid(data: CalendarData): void {
  if (data.years.length === 0) throw new RangeError('The calendar holds no school year');
  let previous: SchoolYear | null = null;
  for (const y of data.years) {
    if (toDay(y.firstDay) > toDay(y.lastDay))
      throw new RangeError(`School year ${y.id}: firstDay after lastDay`);
    for (const h of y.holidays) {
      if (toDay(h.from) > toDay(h.to))
        throw new RangeError(`School year ${y.id}: holiday ${h.name} ends before it starts`);
    }
    if (previous) {
      const gap = toDay(y.firstDay) - toDay(previous.lastDay);
      if (gap <= 0) throw new RangeError(`School year ${y.id} starts before ${previous.id} ends`);
      if (gap > MAX_SUMMER_WEEKS * 7)
        throw new RangeError(`A school year is missing between ${previous.id} and ${y.id}`);
    }
    previous = y;
  }
  assertValidRule(data.publicHolidayRule);
  for (const d of data.extraDaysOff) toDay(d.date);
}
