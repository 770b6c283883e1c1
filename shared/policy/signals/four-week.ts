/**
 * The 4-week signal ("4 weken aaneengesloten ongeoorloofd afwezig", policy 4.2; WEB art. 8.1.8a;
 * DUO's "langer dan 4 weken"): a run of school days on which the student missed every lesson they
 * had without authorization, counted from whatever day it starts. It fires on the run's
 * `fourWeekSchoolDays(profile)`th school day, judged once that day is in (asOf on or after it).
 *
 * A school day without lessons for the student (nothing registered) neither counts nor breaks the
 * run, as holidays and weekends do: nothing was missed, nothing attended. A day with a lesson
 * attended, or missed with authorization (sick), breaks it. A lesson on a day that is not a school
 * day breaks the run when attended, and is not counted when missed.
 *
 * One signal per run; while the run lasts, the state follows its last day so it is not signalled
 * again however often or late it is evaluated.
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
  let runStart = -1; // row of the run's first missed school day, -1 without a run
  let counted = 0; // school days of the current run
  for (let i = 0; i < t.length; i++) {
    const lessons = t.lessons[i] as number;
    if (lessons === 0) continue;
    const day = t.day[i] as number;
    if (day > asOf) break;
    if ((t.unauthorizedAbsentLessons[i] as number) < lessons) {
      runStart = -1;
      counted = 0;
      continue;
    }
    if (!calendar.isSchoolDayNumber(day)) continue;
    if (runStart < 0) runStart = i;
    counted++;
    if (day <= through) continue; // judged before
    if ((t.day[runStart] as number) <= through) {
      through = day; // the signalled run goes on
    } else if (counted === needed) {
      signals.push({
        kind: 'signal4w',
        id: `${studentId}:signal4w:${t.date[runStart]}`,
        studentId,
        period: { from: t.date[runStart] as string, to: t.date[i] as string },
        detectedOn: fromDay(asOf),
        schoolDays: counted,
        weeks: weeksOf(t, runStart, i, calendar),
      });
      through = day;
    }
  }
  if (through !== known) state.fourWeekThrough = fromDay(through);
}

/** Mondays of the school weeks the counted days fall in (5 when the run starts mid-week). */
function weeksOf(t: DayTable, from: number, to: number, calendar: SchoolCalendar): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = from; i <= to; i++) {
    const week = t.week[i] as number;
    if (t.lessons[i] === 0 || !calendar.isSchoolDayNumber(t.day[i] as number)) continue;
    if (week !== last) out.push(fromDay(calendar.schoolWeekMonday(week)));
    last = week;
  }
  return out;
}
