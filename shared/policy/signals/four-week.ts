/**
 * The 4-week signal ("4 weken aaneengesloten ongeoorloofd afwezig", policy 4.2; WEB art. 8.1.8a;
 * DUO's "langer dan 4 weken"): a run of consecutive school days on which the student missed every
 * lesson they had without authorization, counted from whatever day it starts (a day with a missed
 * lesson). It fires on the run's `fourWeekSchoolDays(profile)`th school day, judged once that day
 * is in (asOf on or after it).
 *
 * Holidays and weekends neither count nor break the run. A school day without lessons for the
 * student does not break it and counts as a day of the run: the student was not at school and had
 * nothing to attend, so a student with lessons on Mondays only who misses four Mondays is 4 weeks
 * away. A school week without any lesson for the student (an internship period) is skipped like a
 * holiday week: it neither counts nor breaks the run, so nobody is signalled for weeks with nothing
 * to miss. A lesson attended or missed with authorization (sick) breaks the run; a lesson on a day
 * that is not a school day breaks it when attended and is not counted when missed.
 *
 * One signal per run; while the run lasts, the state follows its last counted day so it is not
 * signalled again however often or late it is evaluated.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { fromDay } from '../../calendar/dates';
import type { NormProfile } from '../profiles';
import { type DayTable, dayNumber } from './days';
import type { FourWeekSignal, StudentSignalState } from './types';

/** The profile's weeks as school days: a school week has 5 school days when no holiday cuts it. */
export function fourWeekSchoolDays(profile: NormProfile): number {
  return profile.fourWeekWeeks * 5;
}

// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one pass over the day table's typed arrays, week by week; split, it allocates per student and misses the 40,000-students-in-1-s target
export function fourWeekSignals(
  studentId: string,
  t: DayTable,
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: number,
  calendar: SchoolCalendar,
  profile: NormProfile,
  signals: FourWeekSignal[],
): void {
  const known = state.fourWeekThrough === null ? Number.NEGATIVE_INFINITY : dayNumber(state.fourWeekThrough);
  const needed = fourWeekSchoolDays(profile);
  let through = known;
  let runStart = 0; // day number of the run's first day; 0 with `counted === 0`
  let counted = 0; // school days of the current run
  let weeks: number[] = []; // the run's school weeks, only while it may still need signalling
  let i = 0;
  while (i < t.length) {
    const week = t.week[i] as number;
    let end = i;
    let lessons = 0;
    for (; end < t.length && t.week[end] === week; end++) lessons += t.lessons[end] as number;
    if (lessons === 0) {
      i = end; // no lesson this week: skipped like a holiday week
      continue;
    }
    const monday = calendar.schoolWeekMonday(week);
    for (let day = monday; day < monday + 7 && day <= asOf; day++) {
      let dayLessons = 0;
      let missed = 0;
      if (i < end && t.day[i] === day) {
        dayLessons = t.lessons[i] as number;
        missed = t.unauthorizedAbsentLessons[i] as number;
        i++;
      }
      if (missed < dayLessons) {
        counted = 0; // a lesson attended or authorized
        continue;
      }
      if (!calendar.isSchoolDayNumber(day)) continue;
      if (counted === 0) {
        if (dayLessons === 0) continue; // a run starts with a missed lesson
        runStart = day;
        weeks = [];
      }
      counted++;
      if (weeks.length < needed && weeks[weeks.length - 1] !== week) weeks.push(week);
      if (day <= through) continue; // judged before
      if (runStart <= through) {
        through = day; // the signalled run goes on
      } else if (counted === needed) {
        signals.push({
          kind: 'signal4w',
          id: `${studentId}:signal4w:${fromDay(runStart)}`,
          studentId,
          period: { from: fromDay(runStart), to: fromDay(day) },
          detectedOn: fromDay(asOf),
          schoolDays: counted,
          weeks: weeks.map((w) => fromDay(calendar.schoolWeekMonday(w))),
        });
        through = day;
      }
    }
    i = end;
  }
  if (through !== known) state.fourWeekThrough = fromDay(through);
}
