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
import { type Day, dayNumber } from './days';
import type { FourWeekSignal, StudentSignalState } from './types';

export function fourWeekSignals(
  studentId: string,
  days: readonly Day[],
  state: StudentSignalState,
  asOf: number,
  calendar: SchoolCalendar,
  profile: NormProfile,
): { signals: FourWeekSignal[]; state: StudentSignalState } {
  const signals: FourWeekSignal[] = [];
  let through = state.fourWeekThrough === null ? Number.NEGATIVE_INFINITY : dayNumber(state.fourWeekThrough);
  let streak: number[] = []; // ordinals of the fully-absent school weeks in the current streak
  let i = 0;
  while (i < days.length) {
    const week = (days[i] as Day).week;
    let lessons = 0;
    let absentLessons = 0;
    for (; i < days.length && (days[i] as Day).week === week; i++) {
      lessons += (days[i] as Day).lessons;
      absentLessons += (days[i] as Day).unauthorizedAbsentLessons;
    }
    if (calendar.lastSchoolDayOfWeek(week) > asOf) break;
    if (lessons === 0) continue;
    const monday = calendar.schoolWeekMonday(week);
    // Weeks between two weeks with data that hold no data are skipped as well.
    if (absentLessons < lessons) {
      streak = [];
      continue;
    }
    streak.push(week);
    const start = calendar.schoolWeekMonday(streak[0] as number);
    if (monday <= through) continue; // judged before
    if (start <= through) {
      through = monday; // the signalled streak goes on
    } else if (streak.length >= profile.fourWeekWeeks) {
      const weeks = streak.slice(0, profile.fourWeekWeeks);
      const from = fromDay(start);
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
  const fourWeekThrough = Number.isFinite(through) ? fromDay(through) : null;
  return { signals, state: { ...state, fourWeekThrough } };
}
