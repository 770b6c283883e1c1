import type { StudentPage } from '../../../shared/api/student';
import { presenceByWeek, presenceTotals, presenceWindow } from '../../../shared/policy';
import { addDays, localDate } from '../../domain/dates';
import { listStudentAudit } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { listOrgUnits } from '../../store/org-units';
import { listStudentReports } from '../../store/reports-repository';
import { loadEvaluationInput } from '../../store/signal-state-repository';
import { getStaff } from '../../store/staff';
import { getTask } from '../../store/tasks-repository';
import { currentCalendar } from '../../usecases/admin/school-settings';
import type { StudentRecord } from '../ports';
import { archivedYears } from './archived-years';
import { reportSummary } from './mapping';
import { signalsOf } from './signals';

/** The student page: attendance this school year, the current 4-week window, signals and reports. */

/** School weeks in the window the 16-hour report counts in. */
const WINDOW_WEEKS = 4;

export async function studentPage(store: Store, student: StudentRecord, now: Date): Promise<StudentPage> {
  const today = localDate(now);
  const calendar = await currentCalendar(store);
  const from = calendar.schoolYearAt(today)?.firstDay ?? addDays(today, -365);
  const [days, reports, evaluation, units, referrals, years] = await Promise.all([
    listDaySummaries(store, student.studentId, from, today),
    listStudentReports(store, student.studentId),
    loadEvaluationInput(store, student.studentId, today),
    listOrgUnits(store),
    referralHistory(store, student.studentId),
    archivedYears(store, student.studentId),
  ]);
  const teamName = units.find((u) => u.orgUnitId === student.teamId)?.name ?? student.teamId;
  return {
    student: { ...student, teamName },
    weeks: presenceByWeek(days),
    totals: presenceTotals(days),
    window: presenceWindow(calendar, days, today, WINDOW_WEEKS),
    ...(years.length > 0 ? { years } : {}),
    reports: reports.map((r) => reportSummary(r, today)).reverse(),
    signals: signalsOf(evaluation.signals.state),
    referrals,
  };
}

/**
 * The coaches' referrals of a student, newest first, from the student's audit trail (AP 26: the
 * referral's task is written with an entry `referral <category>` by the coach who made it), with
 * the task's status now and the coach's name. No access pattern of its own: a referral is rare,
 * and the trail is already the student's.
 */
async function referralHistory(store: Store, studentId: string) {
  const made = (await listStudentAudit(store, studentId)).filter(
    (e) => e.entity === 'task' && e.before === null && e.what.startsWith('referral '),
  );
  if (made.length === 0) return [];
  const tasks = await mapLimit(made, 8, (e) => getTask(store, e.entityId));
  const staffIds = [...new Set(made.map((e) => e.by))];
  const staff = await mapLimit(staffIds, 8, (id) => getStaff(store, id));
  const nameOf = new Map(staffIds.map((id, i) => [id, staff[i]?.name ?? id]));
  return made
    .map((e, i) => ({
      taskId: e.entityId,
      category: e.what.slice('referral '.length),
      at: e.at,
      byName: nameOf.get(e.by) ?? e.by,
      status: tasks[i]?.status ?? 'done',
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
