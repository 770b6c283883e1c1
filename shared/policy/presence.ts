/**
 * Presence arithmetic for the dashboard: minutes present per week, over the school year and in
 * the current 4-week window, and the presence percentage of a period. Pure: the dates and the
 * calendar are parameters.
 */
import type { SchoolCalendar } from '../calendar/calendar';
import { fromDay, mondayOf, toDay } from '../calendar/dates';
import type { IsoDate, Minutes } from './types';

/** The minutes of one day's summary that presence is computed from. */
export interface DayMinutes {
  lessonMinutes: Minutes;
  authorizedMinutes: Minutes;
  unauthorizedMinutes: Minutes;
}

/** A day's minutes with its date (a stored day summary has this shape). */
export interface DatedMinutes {
  date: IsoDate;
  summary: DayMinutes;
}

export interface PresenceMinutes {
  presentMinutes: Minutes;
  authorizedMinutes: Minutes;
  unauthorizedMinutes: Minutes;
}

export interface WeekPresence extends PresenceMinutes {
  /** Monday of the week. */
  weekStart: IsoDate;
}

export interface PresenceWindow {
  /** Null when the calendar does not cover the day asked about: there is no window to show. */
  from: IsoDate | null;
  to: IsoDate | null;
  unauthorizedMinutes: Minutes;
}

/** Lesson minutes not missed, authorized or not (never below zero). */
export function presentMinutes(day: DayMinutes): Minutes {
  return Math.max(0, day.lessonMinutes - day.authorizedMinutes - day.unauthorizedMinutes);
}

function add(into: PresenceMinutes, day: DayMinutes): void {
  into.presentMinutes += presentMinutes(day);
  into.authorizedMinutes += day.authorizedMinutes;
  into.unauthorizedMinutes += day.unauthorizedMinutes;
}

/** Present, authorized and unauthorized minutes per week (Monday), oldest week first. */
export function presenceByWeek(days: readonly DatedMinutes[]): WeekPresence[] {
  const weeks = new Map<IsoDate, WeekPresence>();
  for (const d of days) {
    const weekStart = fromDay(mondayOf(toDay(d.date)));
    const week = weeks.get(weekStart) ?? {
      weekStart,
      presentMinutes: 0,
      authorizedMinutes: 0,
      unauthorizedMinutes: 0,
    };
    add(week, d.summary);
    weeks.set(weekStart, week);
  }
  return [...weeks.values()].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}

/** Present, authorized and unauthorized minutes of all the days together. */
export function presenceTotals(days: readonly DatedMinutes[]): PresenceMinutes {
  const totals = { presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 };
  for (const d of days) add(totals, d.summary);
  return totals;
}

/**
 * Unauthorized minutes in the `weeks` school weeks ending with the week of `today` (the window
 * the 16-hour report counts in); no window when the calendar does not cover `today`.
 */
export function presenceWindow(
  calendar: SchoolCalendar,
  days: readonly DatedMinutes[],
  today: IsoDate,
  weeks: number,
): PresenceWindow {
  if (!calendar.covers(today)) return { from: null, to: null, unauthorizedMinutes: 0 };
  const { from, to } = calendar.schoolWeeksEndingOn(today, weeks);
  const unauthorizedMinutes = days
    .filter((d) => d.date >= from && d.date <= to)
    .reduce((n, d) => n + d.summary.unauthorizedMinutes, 0);
  return { from, to, unauthorizedMinutes };
}

/** Share of lesson minutes present, in percent to one decimal; 0 when there were no lessons. */
export function presencePercentage(days: readonly DatedMinutes[]): number {
  let lesson = 0;
  let missed = 0;
  for (const d of days) {
    lesson += d.summary.lessonMinutes;
    missed += d.summary.unauthorizedMinutes + d.summary.authorizedMinutes;
  }
  return lesson === 0 ? 0 : Math.round(((lesson - missed) / lesson) * 1000) / 10;
}
