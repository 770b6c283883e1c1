/**
 * What an administrator's edit of the school calendar must satisfy before it is stored: every
 * weekday from the first to the last school year is a school day, or off for a named reason (a
 * holiday, a study day, a public holiday, the summer holiday between two years). A calendar that
 * leaves a gap, overlaps or names a day outside its years would make the nightly run miscount
 * silently, so it is refused with every problem named by its dates. Pure: `asOf` is a parameter.
 */
import { type Lang, translate } from '../i18n';
import type { IsoDate } from '../policy/types';
import { type CalendarData, MAX_SUMMER_WEEKS } from './calendar';
import { addDays, isIsoDate, toDay, weekday } from './dates';
import { publicHolidaysOff } from './holidays';

/** A school year spans at most this many days (a year and a week). */
const MAX_YEAR_DAYS = 373;

export type CalendarProblem =
  | { code: 'noYears' }
  | { code: 'badDate'; where: string; value: string }
  | { code: 'yearReversed'; year: string; from: IsoDate; to: IsoDate }
  | { code: 'yearTooLong'; year: string; from: IsoDate; to: IsoDate }
  | { code: 'yearDuplicate'; year: string }
  | { code: 'yearOverlap'; year: string; previous: string; from: IsoDate; to: IsoDate }
  | { code: 'yearGap'; year: string; previous: string; from: IsoDate; to: IsoDate }
  | { code: 'holidayReversed'; year: string; name: string; from: IsoDate; to: IsoDate }
  | { code: 'holidayOutsideYear'; year: string; name: string; from: IsoDate; to: IsoDate }
  | { code: 'holidayOverlap'; year: string; name: string; other: string; from: IsoDate; to: IsoDate }
  | { code: 'studyDayOutsideYears'; name: string; date: IsoDate }
  | { code: 'studyDayWeekend'; name: string; date: IsoDate }
  | { code: 'studyDayDuplicate'; name: string; date: IsoDate }
  | { code: 'studyDayInHoliday'; name: string; date: IsoDate; holiday: string }
  | { code: 'studyDayPublicHoliday'; name: string; date: IsoDate; holiday: string }
  | { code: 'endsBeforeToday'; date: IsoDate; today: IsoDate };

export type CalendarProblemCode = CalendarProblem['code'];

/**
 * Every problem of `data`, in the order of the years; none means `new SchoolCalendar(data)`
 * builds and every weekday in its years is accounted for. `asOf` (today) refuses a calendar
 * whose last school year ended before it: the nightly run would skip every night.
 */
export function validateCalendar(data: CalendarData, asOf?: IsoDate): CalendarProblem[] {
  if (data.years.length === 0) return [{ code: 'noYears' }];
  const badDates = datesNotIso(data);
  if (badDates.length > 0) return badDates;
  const problems: CalendarProblem[] = [];
  const ids = new Set<string>();
  let previous: CalendarData['years'][number] | null = null;
  for (const y of data.years) {
    if (ids.has(y.id)) problems.push({ code: 'yearDuplicate', year: y.id });
    ids.add(y.id);
    if (y.firstDay > y.lastDay)
      problems.push({ code: 'yearReversed', year: y.id, from: y.firstDay, to: y.lastDay });
    else if (toDay(y.lastDay) - toDay(y.firstDay) > MAX_YEAR_DAYS)
      problems.push({ code: 'yearTooLong', year: y.id, from: y.firstDay, to: y.lastDay });
    if (previous) problems.push(...betweenYears(previous, y));
    problems.push(...holidayProblems(y));
    previous = y;
  }
  problems.push(...studyDayProblems(data));
  const last = data.years[data.years.length - 1];
  if (asOf && last && last.lastDay < asOf)
    problems.push({ code: 'endsBeforeToday', date: last.lastDay, today: asOf });
  return problems;
}

type Year = CalendarData['years'][number];

function datesNotIso(data: CalendarData): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const check = (where: string, value: string) => {
    if (!isIsoDate(value)) out.push({ code: 'badDate', where, value });
  };
  for (const y of data.years) {
    check(y.id, y.firstDay);
    check(y.id, y.lastDay);
    for (const h of y.holidays) {
      check(h.name, h.from);
      check(h.name, h.to);
    }
  }
  for (const d of data.extraDaysOff) check(d.name, d.date);
  return out;
}

/** The summer holiday lies between two years: they may not overlap, nor leave more than it. */
function betweenYears(previous: Year, y: Year): CalendarProblem[] {
  if (y.firstDay <= previous.lastDay)
    return [
      { code: 'yearOverlap', year: y.id, previous: previous.id, from: y.firstDay, to: previous.lastDay },
    ];
  // Measured as SchoolCalendar measures it: days from the last day to the next first day.
  if (toDay(y.firstDay) - toDay(previous.lastDay) > MAX_SUMMER_WEEKS * 7)
    return [
      {
        code: 'yearGap',
        year: y.id,
        previous: previous.id,
        from: addDays(previous.lastDay, 1),
        to: addDays(y.firstDay, -1),
      },
    ];
  return [];
}

function holidayProblems(y: Year): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const sorted = [...y.holidays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const h of sorted) {
    if (h.from > h.to)
      out.push({ code: 'holidayReversed', year: y.id, name: h.name, from: h.from, to: h.to });
    else if (h.from < y.firstDay || h.to > y.lastDay)
      out.push({ code: 'holidayOutsideYear', year: y.id, name: h.name, from: h.from, to: h.to });
  }
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as Year['holidays'][number];
    const b = sorted[i] as Year['holidays'][number];
    if (b.from <= a.to && a.from <= a.to && b.from <= b.to)
      out.push({
        code: 'holidayOverlap',
        year: y.id,
        name: b.name,
        other: a.name,
        from: b.from,
        to: [a.to, b.to].sort()[0] as IsoDate, // the earlier end
      });
  }
  return out;
}

function studyDayProblems(data: CalendarData): CalendarProblem[] {
  const out: CalendarProblem[] = [];
  const seen = new Set<IsoDate>();
  const publicHolidays = new Map<IsoDate, string>();
  const yearsOf = (d: IsoDate) => Number(d.slice(0, 4));
  for (const d of data.extraDaysOff) {
    const year = yearsOf(d.date);
    for (const h of publicHolidaysOff(year, data.publicHolidayRule)) publicHolidays.set(h.date, h.name);
  }
  for (const d of data.extraDaysOff) {
    const { name, date } = d;
    if (seen.has(date)) out.push({ code: 'studyDayDuplicate', name, date });
    seen.add(date);
    const year = data.years.find((y) => y.firstDay <= date && date <= y.lastDay);
    if (!year) {
      out.push({ code: 'studyDayOutsideYears', name, date });
      continue;
    }
    if (weekday(toDay(date)) >= 5) out.push({ code: 'studyDayWeekend', name, date });
    const holiday = year.holidays.find((h) => h.from <= date && date <= h.to);
    if (holiday) out.push({ code: 'studyDayInHoliday', name, date, holiday: holiday.name });
    const publicHoliday = publicHolidays.get(date);
    if (publicHoliday) out.push({ code: 'studyDayPublicHoliday', name, date, holiday: publicHoliday });
  }
  return out;
}

/** The summer holiday after each year but the last: the days between it and the next one. */
export function summerHolidays(data: CalendarData): { year: string; from: IsoDate; to: IsoDate }[] {
  const out: { year: string; from: IsoDate; to: IsoDate }[] = [];
  for (let i = 1; i < data.years.length; i++) {
    const before = data.years[i - 1] as Year;
    const after = data.years[i] as Year;
    if (after.firstDay > before.lastDay)
      out.push({ year: before.id, from: addDays(before.lastDay, 1), to: addDays(after.firstDay, -1) });
  }
  return out;
}

/** A date as the Dutch write it: 16-07-2027. */
export const dutchDate = (d: IsoDate): string => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

/** The problem in words, its dates written out (Dutch first: the administrator's language). */
export function calendarProblemText(lang: Lang, problem: CalendarProblem): string {
  const { code, ...params } = problem;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(params))
    values[k] = isIsoDate(String(v)) && k !== 'value' ? dutchDate(v) : v;
  return translate(lang, `calendarProblem.${code}`, values);
}
