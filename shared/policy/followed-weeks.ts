/**
 * A student's attendance while a case follows them (appendix 4 §2: "3 weken volgen"): per school
 * week of the followed period, the unauthorized minutes and the presence percentage. Weeks without
 * a school day (holidays) are left out: there was nothing to follow.
 */
import type { SchoolCalendar } from '../calendar/calendar';
import { addDays, fromDay, mondayOf, toDay } from '../calendar/dates';
import { type DatedMinutes, presencePercentage } from './presence';
import type { IsoDate, Minutes } from './types';

export interface FollowedWeek {
  weekStart: IsoDate;
  unauthorizedMinutes: Minutes;
  /** Null in a week without lessons for the student. */
  presencePercent: number | null;
}

export function followedWeeks(
  calendar: SchoolCalendar,
  days: readonly DatedMinutes[],
  from: IsoDate,
  to: IsoDate,
): FollowedWeek[] {
  const weeks: FollowedWeek[] = [];
  for (let monday = fromDay(mondayOf(toDay(from))); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    if (calendar.covers(monday) && calendar.schoolWeekOf(monday) === null) continue;
    const inWeek = days.filter((d) => d.date >= monday && d.date <= sunday && d.date >= from && d.date <= to);
    const lessons = inWeek.reduce((n, d) => n + d.summary.lessonMinutes, 0);
    weeks.push({
      weekStart: monday,
      unauthorizedMinutes: inWeek.reduce((n, d) => n + d.summary.unauthorizedMinutes, 0),
      presencePercent: lessons === 0 ? null : presencePercentage(inWeek),
    });
  }
  return weeks;
}
