import type { StudentPage } from '../../../shared/api/student';
import { presenceByWeek, presenceTotals, presenceWindow } from '../../../shared/policy';
import { addDays, localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { listStudentReports } from '../../store/reports-repository';
import { loadEvaluationInput } from '../../store/signal-state-repository';
import { currentCalendar } from '../../usecases/admin/school-settings';
import type { StudentRecord } from '../ports';
import { reportSummary } from './mapping';

/** The student page: attendance this school year, the current 4-week window, signals and reports. */

/** School weeks in the window the 16-hour report counts in. */
const WINDOW_WEEKS = 4;

export async function studentPage(store: Store, student: StudentRecord, now: Date): Promise<StudentPage> {
  const today = localDate(now);
  const calendar = await currentCalendar(store);
  const from = calendar.schoolYearAt(today)?.firstDay ?? addDays(today, -365);
  const [days, reports, evaluation] = await Promise.all([
    listDaySummaries(store, student.studentId, from, today),
    listStudentReports(store, student.studentId),
    loadEvaluationInput(store, student.studentId, today),
  ]);
  const state = evaluation.signals.state;
  const marks: [string, string | null][] = [
    ['signal8', state.signal8Through],
    ['signal4w', state.fourWeekThrough],
    ['sick_repeated', state.sickRepeatedThrough],
    ['sick_long', state.sickLongThrough],
    ['frequent', state.frequentThrough],
  ];
  return {
    student,
    weeks: presenceByWeek(days),
    totals: presenceTotals(days),
    window: presenceWindow(calendar, days, today, WINDOW_WEEKS),
    reports: reports.map((r) => reportSummary(r, today)).reverse(),
    signals: marks.flatMap(([kind, date]) => (date ? [{ kind, date, text: kind }] : [])),
  };
}
