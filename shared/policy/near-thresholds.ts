/**
 * "Bijna 8 uur" / "bijna 16 uur": the coach's list to act on before a signal or a report exists
 * (#13 "Mijn studenten"). The count is the one the nightly run keeps (`signals/hours.ts`): the
 * unauthorized minutes in the rolling window of `windowWeeks` school weeks ending today, from the
 * day after the last 16-hour report on (a report restarts the count). The 8-hour signal is sent
 * once per counting period, so "bijna 8 uur" is shown only while this period has none yet.
 */
import type { SchoolCalendar } from '../calendar/calendar';
import { fromDay } from '../calendar/dates';
import type { NormProfile } from './profiles';
import { afterDay, dayNumber } from './signals/days';
import type { StudentSignalState } from './signals/types';
import type { IsoDate } from './types';

/**
 * How close (in minutes) to the 8-hour signal a student is marked "bijna 8 uur": 2 hours, about
 * one school day's lessons missed, so the coach still has a day to talk before the signal goes out.
 */
export const NEAR_SIGNAL_MINUTES = 120;
/**
 * How close (in minutes) to the 16-hour report a student is marked "bijna 16 uur": the same 2
 * hours, one more day of truancy, so the coach can act before the report is due to DUO.
 */
export const NEAR_REPORT_MINUTES = 120;

export type NearMark = 'near8' | 'near16';

export interface CurrentCount {
  /** First day counted (window start or the day after the last report); null: nothing counted yet. */
  from: IsoDate | null;
  to: IsoDate;
  /** Unauthorized minutes counted towards the 16-hour report (and, while none was sent, the 8-hour signal). */
  minutes: number;
  /** Whether this counting period already had its 8-hour signal. */
  signal8Sent: boolean;
  marks: NearMark[];
}

/** The marks for a count: close to a threshold, never at or past it. */
export function nearMarks(
  minutes: number,
  signal8Sent: boolean,
  profile: Pick<NormProfile, 'signalMinutes' | 'reportMinutes'>,
): NearMark[] {
  const marks: NearMark[] = [];
  if (
    !signal8Sent &&
    minutes < profile.signalMinutes &&
    minutes >= profile.signalMinutes - NEAR_SIGNAL_MINUTES
  )
    marks.push('near8');
  if (minutes < profile.reportMinutes && minutes >= profile.reportMinutes - NEAR_REPORT_MINUTES)
    marks.push('near16');
  return marks;
}

/** The student's count as of `today`, from their classified days and the stored signal state. */
export function currentCount(
  calendar: SchoolCalendar,
  /** Classified days (a `DaySummary` will do): only the date and the unauthorized minutes are read. */
  days: readonly { date: IsoDate; unauthorizedMinutes: number }[],
  state: Pick<StudentSignalState, 'reportedThrough' | 'signal8Through'>,
  today: IsoDate,
  profile: Pick<NormProfile, 'signalMinutes' | 'reportMinutes' | 'windowWeeks'>,
): CurrentCount {
  const end = dayNumber(today);
  const start = Math.max(
    calendar.rollingWindowStartNumber(end, profile.windowWeeks),
    afterDay(state.reportedThrough),
  );
  let minutes = 0;
  let first: number | null = null;
  for (const d of days) {
    const n = dayNumber(d.date);
    if (n < start || n > end || d.unauthorizedMinutes <= 0) continue;
    minutes += d.unauthorizedMinutes;
    if (first === null || n < first) first = n;
  }
  // Like the nightly run: a signal whose last day lies in this period counts for it.
  const signal8Sent = afterDay(state.signal8Through) > start;
  return {
    from: Number.isFinite(start) ? fromDay(start) : first === null ? null : fromDay(first),
    to: today,
    minutes,
    signal8Sent,
    marks: nearMarks(minutes, signal8Sent, profile),
  };
}
