/**
 * The 16-hour report and the 8-hour signal, counted the way DUO counts (Leerplichtwet art. 21a;
 * policy chapter 1 and appendix 2): unauthorized minutes within a window of consecutive school
 * weeks ending with the week of the day being looked at. A report runs from the first day of
 * absence counted to the day the threshold was reached; counting restarts the day after. For
 * continuous absence DUO accepts at most one report per 7 calendar days, so a report is held
 * back until 7 days after the previous one's end date (its period then simply runs longer).
 *
 * The 8-hour signal is sent once per counting period: again only after a report restarted the
 * count, or after the previous signal's days slid out of the window without reaching 16 hours.
 * Its minutes, too, are never counted twice.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { fromDay } from '../../calendar/dates';
import { legalStatus } from '../age';
import type { NormProfile } from '../profiles';
import type { StudentFacts } from '../types';
import { afterDay, type Day, windowStart } from './days';
import type { DayMinutes, Report16, Signal8, StudentSignalState } from './types';

export function hourSignals(
  student: StudentFacts,
  days: readonly Day[],
  state: StudentSignalState,
  asOf: string,
  calendar: SchoolCalendar,
  profile: NormProfile,
): { signals: (Report16 | Signal8)[]; state: StudentSignalState } {
  const absent = days.filter((d) => d.unauthorizedMinutes > 0);
  const signals: (Report16 | Signal8)[] = [];
  if (absent.length === 0) return { signals, state };
  // prefix[i] = minutes of absent[0..i-1]
  const prefix = new Float64Array(absent.length + 1);
  for (let i = 0; i < absent.length; i++)
    prefix[i + 1] = (prefix[i] as number) + (absent[i] as Day).unauthorizedMinutes;

  let reportedThrough = state.reportedThrough;
  let signal8Through = state.signal8Through;
  let reportAfter = afterDay(reportedThrough);
  let signal8After = afterDay(signal8Through);
  let r = 0; // first index counted for the report

  for (let i = 0; i < absent.length; i++) {
    const d = absent[i] as Day;
    if (d.day < reportAfter) continue;
    const start = Math.max(windowStart(calendar, d.week, profile.windowWeeks), reportAfter);
    while ((absent[r] as Day).day < start) r++;

    // 8-hour signal: once per counting period, i.e. only when the last one lies before the count's start.
    if (signal8After <= start && r <= i) {
      const total = (prefix[i + 1] as number) - (prefix[r] as number);
      if (total >= profile.signalMinutes) {
        const from = (absent[r] as Day).date;
        signals.push({
          kind: 'signal8',
          id: `${student.studentId}:signal8:${from}`,
          studentId: student.studentId,
          period: { from, to: d.date },
          detectedOn: asOf,
          minutesByDay: minutesByDay(absent, r, i),
          totalMinutes: total,
        });
        signal8Through = d.date;
        signal8After = d.day + 1;
      }
    }

    // 16-hour report.
    if (r > i) continue;
    const total = (prefix[i + 1] as number) - (prefix[r] as number);
    if (total < profile.reportMinutes) continue;
    if (reportedThrough !== null && d.day < reportAfter - 1 + profile.minDaysBetweenReports) continue;
    const from = (absent[r] as Day).date;
    const recipient = legalStatus(student, d.date).duoRecipient;
    signals.push({
      kind: 'report16',
      id: `${student.studentId}:report16:${from}`,
      studentId: student.studentId,
      period: { from, to: d.date },
      detectedOn: asOf,
      profileId: profile.id,
      minutesByDay: minutesByDay(absent, r, i),
      totalMinutes: total,
      dueDate: fromDay(calendar.addWorkingDaysNumber(d.day, profile.reportDueWorkingDays)),
      reportToDuo: profile.reportToDuo,
      duoRecipient: profile.reportToDuo ? recipient : null,
    });
    reportedThrough = d.date;
    reportAfter = d.day + 1;
  }
  return { signals, state: { ...state, reportedThrough, signal8Through } };
}

function minutesByDay(absent: readonly Day[], from: number, to: number): DayMinutes[] {
  const out: DayMinutes[] = [];
  for (let k = from; k <= to; k++) {
    const d = absent[k] as Day;
    out.push({ date: d.date, minutes: d.unauthorizedMinutes });
  }
  return out;
}
