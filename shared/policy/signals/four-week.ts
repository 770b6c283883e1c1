/**
 * The 4-week signal ("signaalverzuim", WEB art. 8.1.8a): absent without authorization from every
 * registered lesson for 4 consecutive school weeks. Only weeks that are over (asOf on or after
 * their last school day) are judged. A school week in which the student had no registered
 * lesson at all is skipped like a holiday week: nothing was missed, nothing was attended.
 * One signal per streak; while the streak lasts, the state follows it so it is not signalled again.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { fromDay } from '../../calendar/dates';
import type { NormProfile } from '../profiles';
import { type DayTable, dayNumber } from './days';
import type { FourWeekSignal, StudentSignalState } from './types';

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
  let through = known;
  let streakStart = 0; // ordinal of the first fully-absent school week of the current streak
  let streakLength = 0;
  let weeks: number[] = []; // the streak's weeks, only while it may still need signalling
  let i = 0;
  while (i < t.length) {
    const week = t.week[i] as number;
    let lessons = 0;
    let absentLessons = 0;
    for (; i < t.length && t.week[i] === week; i++) {
      lessons += t.lessons[i] as number;
      absentLessons += t.unauthorizedAbsentLessons[i] as number;
    }
    if (calendar.lastSchoolDayOfWeek(week) > asOf) break;
    if (lessons === 0) continue;
    if (absentLessons < lessons) {
      streakLength = 0;
      continue;
    }
    if (streakLength === 0) {
      streakStart = week;
      weeks = [];
    }
    streakLength++;
    if (weeks.length < profile.fourWeekWeeks) weeks.push(week);
    const monday = calendar.schoolWeekMonday(week);
    if (monday <= through) continue; // judged before
    if (calendar.schoolWeekMonday(streakStart) <= through) {
      through = monday; // the signalled streak goes on
    } else if (streakLength >= profile.fourWeekWeeks) {
      const from = fromDay(calendar.schoolWeekMonday(streakStart));
      signals.push({
        kind: 'signal4w',
        id: `${studentId}:signal4w:${from}`,
        studentId,
        // Ends on the last school day of the last week: the day the 4th week was over.
        period: { from, to: fromDay(calendar.lastSchoolDayOfWeek(weeks[weeks.length - 1] as number)) },
        detectedOn: fromDay(asOf),
        weeks: weeks.map((w) => fromDay(calendar.schoolWeekMonday(w))),
      });
      through = monday;
    }
  }
  if (through !== known) state.fourWeekThrough = fromDay(through);
}
