/**
 * The 16-hour report and the 8-hour signal, counted the way DUO counts (Leerplichtwet art. 21a;
 * policy chapter 1 and appendix 2): unauthorized minutes within the rolling window of
 * `windowWeeks` school weeks ending on the day being looked at (`rollingWindowStartNumber`: from
 * the day after the same weekday that many school weeks back, holiday weeks skipped). A report
 * runs from the first day of absence counted to the day the threshold was reached; counting
 * restarts the day after.
 *
 * DUO accepts at most one report per 7 calendar days while the student stays absent after the
 * previous report ("aansluitend op de 1e verzuimmelding continu afwezig"): a report that reaches
 * the threshold sooner waits until 7 days after the previous report was made, and absence up to
 * that day joins it (its period runs longer). It is made even if the absence stops meanwhile, so
 * no 16 hours ever go unreported. A student who came back after the previous report's end, up to
 * the day the next 16 hours are reached (a day with lessons not all missed without authorization),
 * is no longer continuously absent: those 16 hours are a report on the day they are reached.
 *
 * The 8-hour signal is sent once per counting period: again only after a report restarted the
 * count, or after the previous signal's days slid out of the window without reaching 16 hours.
 * Its minutes, too, are never counted twice.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { fromDay } from '../../calendar/dates';
import { legalStatus } from '../age';
import { DUO_REPORT_WORKING_DAYS } from '../duo-deadlines';
import type { NormProfile } from '../profiles';
import type { IsoDate, StudentFacts } from '../types';
import { afterDay, type DayTable, dayNumber } from './days';
import type { DayMinutes, Report16, Signal8, StudentSignalState } from './types';

let absent = new Int32Array(64); // row numbers of days with unauthorized minutes
let prefix = new Float64Array(65); // prefix[k] = minutes of absent[0..k-1]
let lastBack = new Float64Array(64); // per row: the day of the latest return on or before it

/**
 * The unauthorized absence was interrupted that day: a lesson not missed without authorization
 * (attended, or authorized as a sick report is), the same break that ends a 4-week run.
 */
function cameBack(t: DayTable, i: number): boolean {
  const lessons = t.lessons[i] as number;
  return lessons > 0 && (t.unauthorizedAbsentLessons[i] as number) < lessons;
}

/** Finds the hour signals, updates `state`; returns the day a waiting report will be made, if any. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: one pass over the day table's typed arrays into reused scratch buffers; split, it allocates per student and misses the 40,000-students-in-1-s target
export function hourSignals(
  student: StudentFacts,
  t: DayTable,
  /** Read, then updated in place. */
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
  signals: (Report16 | Signal8)[],
): IsoDate | null {
  if (absent.length < t.length) {
    absent = new Int32Array(t.length * 2);
    prefix = new Float64Array(t.length * 2 + 1);
    lastBack = new Float64Array(t.length * 2);
  }
  let n = 0;
  let back = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < t.length; i++) {
    if (cameBack(t, i)) back = t.day[i] as number;
    lastBack[i] = back;
    const m = t.unauthorizedMinutes[i] as number;
    if (m > 0) {
      absent[n] = i;
      prefix[n + 1] = (prefix[n] as number) + m;
      n++;
    }
  }
  let reportedThrough = state.reportedThrough;
  let reportMadeOn = state.reportMadeOn ?? state.reportedThrough; // states stored before the field existed
  let signal8Through = state.signal8Through;
  if (n === 0) return null;

  const asOfDay = dayNumber(asOf);
  let reportAfter = afterDay(reportedThrough);
  let madeAfter = afterDay(reportMadeOn); // the day after the last report was made
  let signal8After = afterDay(signal8Through);
  let r = 0; // first of `absent` counted
  // A report that reached the threshold but waits for the 7-day limit: its first and last row, and when it is made.
  let pendingLast = -1;
  let pendingMadeOn = 0;

  const emit = (last: number, madeOn: number): void => {
    const row = absent[last] as number;
    const from = t.date[absent[r] as number] as string;
    const to = t.date[row] as string;
    signals.push({
      kind: 'report16',
      id: `${student.studentId}:report16:${from}`,
      studentId: student.studentId,
      period: { from, to },
      detectedOn: asOf,
      profileId: profile.id,
      minutesByDay: minutesByDay(t, r, last),
      totalMinutes: (prefix[last + 1] as number) - (prefix[r] as number),
      // Counted from the day the report may be made: a report that waited for the 7-day limit
      // still leaves the full term, which DUO could not have received any sooner.
      dueDate: fromDay(
        calendar.addWorkingDaysNumber(Math.max(t.day[row] as number, madeOn), profile.reportDueWorkingDays),
      ),
      duoDeadline: fromDay(
        calendar.addWorkingDaysNumber(Math.max(t.day[row] as number, madeOn), DUO_REPORT_WORKING_DAYS),
      ),
      reportToDuo: profile.reportToDuo,
      duoRecipient: profile.reportToDuo ? legalStatus(student, to).duoRecipient : null,
    });
    reportedThrough = to;
    reportAfter = (t.day[row] as number) + 1;
    reportMadeOn = fromDay(madeOn);
    madeAfter = madeOn + 1;
    r = last + 1;
  };

  for (let k = 0; k < n; k++) {
    const row = absent[k] as number;
    const day = t.day[row] as number;
    if (pendingLast >= 0) {
      // Absence until the waiting report is made joins it: continuous absence, one report.
      if (day <= pendingMadeOn) {
        pendingLast = k;
        continue;
      }
      emit(pendingLast, pendingMadeOn);
      pendingLast = -1;
    }
    if (day < reportAfter) continue;
    const start = Math.max(calendar.rollingWindowStartNumber(day, profile.windowWeeks), reportAfter);
    while ((t.day[absent[r] as number] as number) < start) r++;
    const total = (prefix[k + 1] as number) - (prefix[r] as number);

    // 8-hour signal: once per counting period, i.e. only when the last one lies before the count's start.
    if (signal8After <= start && total >= profile.signalMinutes) {
      const from = t.date[absent[r] as number] as string;
      const to = t.date[row] as string;
      signals.push({
        kind: 'signal8',
        id: `${student.studentId}:signal8:${from}`,
        studentId: student.studentId,
        period: { from, to },
        detectedOn: asOf,
        minutesByDay: minutesByDay(t, r, k),
        totalMinutes: total,
      });
      signal8Through = to;
      signal8After = day + 1;
    }

    // 16-hour report, made at most once per `minDaysBetweenReports` calendar days while the
    // absence is continuous since the previous report's end.
    if (total < profile.reportMinutes) continue;
    const earliest = madeAfter - 1 + profile.minDaysBetweenReports;
    if (day >= earliest || (lastBack[row] as number) >= reportAfter) {
      emit(k, day);
    } else {
      pendingLast = k;
      pendingMadeOn = earliest;
    }
  }
  // A waiting report is made once its day has come; until then the next evaluation finds it again.
  let waiting: IsoDate | null = null;
  if (pendingLast >= 0) {
    if (pendingMadeOn <= asOfDay) emit(pendingLast, pendingMadeOn);
    else waiting = fromDay(pendingMadeOn);
  }
  state.reportedThrough = reportedThrough;
  state.reportMadeOn = reportMadeOn;
  state.signal8Through = signal8Through;
  return waiting;
}

function minutesByDay(t: DayTable, from: number, to: number): DayMinutes[] {
  const out: DayMinutes[] = [];
  for (let k = from; k <= to; k++) {
    const row = absent[k] as number;
    out.push({ date: t.date[row] as string, minutes: t.unauthorizedMinutes[row] as number });
  }
  return out;
}
