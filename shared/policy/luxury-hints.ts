/**
 * Luxury absence (appendix 4, "luxe verzuim"): a day off taken without leave to lengthen a
 * holiday. The school days directly before and after a school holiday are where it shows, so the
 * attendance officer is shown the unauthorized absences on those days as hints (not as reports:
 * whether it was luxury absence is the officer's judgement). Pure: the calendar is a parameter.
 */
import type { SchoolCalendar } from '../calendar/calendar';
import { addDays } from '../calendar/dates';
import type { IsoDate } from './types';

/** A school day directly before or after a school holiday. */
export interface HolidayEdge {
  date: IsoDate;
  holiday: string;
  side: 'before' | 'after';
}

/** The school holidays of the calendar, the summer holiday between two school years included. */
function holidaysOf(calendar: SchoolCalendar): { name: string; from: IsoDate; to: IsoDate }[] {
  const out: { name: string; from: IsoDate; to: IsoDate }[] = [];
  calendar.years.forEach((year, i) => {
    out.push(...year.holidays);
    const next = calendar.years[i + 1];
    if (next)
      out.push({ name: 'Zomervakantie', from: addDays(year.lastDay, 1), to: addDays(next.firstDay, -1) });
  });
  return out;
}

/**
 * The last school day before each holiday and the first after it, on or between `from` and `to`.
 * A public holiday or a study day next to the holiday is no school day, so the edge lies beyond
 * it: a day off taken there lengthens the holiday just the same.
 */
export function holidayEdges(calendar: SchoolCalendar, from: IsoDate, to: IsoDate): HolidayEdge[] {
  const edges: HolidayEdge[] = [];
  const inRange = (d: IsoDate) => d >= from && d <= to && calendar.covers(d);
  for (const h of holidaysOf(calendar)) {
    if (!calendar.covers(h.from) || !calendar.covers(h.to)) continue;
    const before = calendar.previousSchoolDay(h.from);
    if (before && inRange(before)) edges.push({ date: before, holiday: h.name, side: 'before' });
    const after = nextSchoolDay(calendar, h.to);
    if (after && inRange(after)) edges.push({ date: after, holiday: h.name, side: 'after' });
  }
  return edges.sort((a, b) => a.date.localeCompare(b.date) || a.side.localeCompare(b.side));
}

/** The first school day after `d`, or null beyond the calendar's data. */
function nextSchoolDay(calendar: SchoolCalendar, d: IsoDate): IsoDate | null {
  for (let day = addDays(d, 1); calendar.covers(day); day = addDays(day, 1)) {
    if (calendar.isSchoolDay(day)) return day;
  }
  return null;
}

/** A student's day as the hints need it (a day summary has this shape). */
export interface AbsenceDay {
  date: IsoDate;
  unauthorizedMinutes: number;
  unauthorizedAbsentLessons: number;
}

export interface LuxuryHint extends HolidayEdge {
  unauthorizedMinutes: number;
}

/**
 * The student's unauthorized absences on holiday edges between `from` and `to`: days on which
 * at least one lesson was missed without leave (coming late is not taking a day off).
 */
export function luxuryAbsenceHints(
  calendar: SchoolCalendar,
  days: readonly AbsenceDay[],
  from: IsoDate,
  to: IsoDate,
): LuxuryHint[] {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return holidayEdges(calendar, from, to).flatMap((edge) => {
    const day = byDate.get(edge.date);
    if (!day || day.unauthorizedAbsentLessons <= 0) return [];
    return [{ ...edge, unauthorizedMinutes: day.unauthorizedMinutes }];
  });
}
