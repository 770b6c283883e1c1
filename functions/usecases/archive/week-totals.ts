/**
 * A closed year's lessons reduced to what the student page and the access export show per school
 * week once the lessons themselves are archived: the page's present / authorized / unauthorized
 * minutes (the same arithmetic, `presenceByWeek`, so a week shows the same figures before and after
 * archiving), and the counts behind them (lessons, absences, late, minutes per reason).
 */
import { fromDay, mondayOf, toDay } from '../../../shared/calendar/dates';
import { presenceByWeek, summarizeDay } from '../../../shared/policy';
import type { DaySummary, IsoDate } from '../../../shared/policy/types';
import type { ClassifiedRegistration } from '../../store/registrations';
import type { WeekTotals } from '../../store/week-totals';

export function weekTotalsOf(
  lessons: readonly ClassifiedRegistration[],
): Omit<WeekTotals, 'studentId' | 'schoolYear'>[] {
  const byDate = new Map<IsoDate, ClassifiedRegistration[]>();
  for (const l of lessons) byDate.set(l.date, [...(byDate.get(l.date) ?? []), l]);
  const days: DaySummary[] = [...byDate].map(([date, regs]) => summarizeDay(date, regs));
  const weeks = new Map<IsoDate, Omit<WeekTotals, 'studentId' | 'schoolYear'>>();
  for (const w of presenceByWeek(days.map((summary) => ({ date: summary.date, summary }))))
    weeks.set(w.weekStart, {
      ...w,
      schoolDays: 0,
      lessons: 0,
      lessonMinutes: 0,
      unauthorizedAbsentLessons: 0,
      unauthorizedLateOrEarly: 0,
      sickDays: 0,
      minutesByReason: {},
    });
  const weekOf = (date: IsoDate) =>
    weeks.get(fromDay(mondayOf(toDay(date)))) as Omit<WeekTotals, 'studentId' | 'schoolYear'>;
  for (const d of days) {
    const w = weekOf(d.date);
    w.schoolDays += 1;
    w.lessons += d.lessons;
    w.lessonMinutes += d.lessonMinutes;
    w.unauthorizedAbsentLessons += d.unauthorizedAbsentLessons;
    w.unauthorizedLateOrEarly += d.unauthorizedLateOrEarly;
    if (d.sick) w.sickDays += 1;
  }
  for (const l of lessons) {
    const { kind, minutesMissed } = l.classification;
    if (kind === 'present' || minutesMissed === 0) continue;
    const byReason = weekOf(l.date).minutesByReason;
    const reason = l.reason ?? 'unknown';
    const entry = byReason[reason] ?? { authorized: 0, unauthorized: 0 };
    entry[kind] += minutesMissed;
    byReason[reason] = entry;
  }
  return [...weeks.values()];
}
