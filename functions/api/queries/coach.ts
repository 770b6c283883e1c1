import type { CoachStudentRow } from '../../../shared/api/coach';
import type { StudentReportGroup } from '../../../shared/api/reports';
import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { currentCount, profileFor } from '../../../shared/policy';
import { addDays, localDate } from '../../domain/dates';
import type { Store } from '../../store/client';
import { mapLimit } from '../../store/dynamo';
import { listOrgUnits } from '../../store/org-units';
import { loadEvaluationInput, loadStudentsAndSignals } from '../../store/signal-state-repository';
import { listStudentsByCoach } from '../../store/students';
import type { ReportFilter } from '../ports';
import { reportSummary } from './mapping';
import { allOpenReports } from './reports';
import { signalsOf } from './signals';

/** The coach's lists: open reports grouped by student, and "Mijn studenten" with their count. */

/** Overdue first, then by due date. */
const byUrgency = (a: { overdue: boolean; dueDate: string }, b: { overdue: boolean; dueDate: string }) =>
  Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate);

/** Every open report of the filter, grouped by student; students with overdue reports first. */
export async function openReportGroups(
  store: Store,
  filter: ReportFilter,
  now: Date,
): Promise<StudentReportGroup[]> {
  const today = localDate(now);
  const reports = (await allOpenReports(store, filter)).map((r) => reportSummary(r, today));
  const byStudent = new Map<string, typeof reports>();
  for (const r of reports)
    byStudent.set(r.student.studentId, [...(byStudent.get(r.student.studentId) ?? []), r]);
  const known = await loadStudentsAndSignals(store, [...byStudent.keys()]);
  const groups = [...byStudent].map(([studentId, list]): StudentReportGroup => {
    const sorted = [...list].sort(byUrgency);
    const oldestFrom = list.map((r) => r.from).sort()[0] ?? today;
    const info = known.get(studentId);
    const fourWeek = info?.signals.state.fourWeekThrough ?? null;
    return {
      student: (list[0] as (typeof list)[number]).student,
      open: list.length,
      overdue: list.filter((r) => r.overdue).length,
      fourWeekSignal: fourWeek !== null && fourWeek >= oldestFrom,
      leftOn: info?.student?.leftOn ?? null,
      reports: sorted,
    };
  });
  return groups.sort(
    (a, b) =>
      b.overdue - a.overdue ||
      (a.reports[0]?.dueDate ?? '').localeCompare(b.reports[0]?.dueDate ?? '') ||
      a.student.displayName.localeCompare(b.student.displayName),
  );
}

/** Days read per student: the window's 4 school weeks fit in 8 calendar weeks bar the summer holiday. */
const LOOK_BACK_DAYS = 7 * 12;

/**
 * "Mijn studenten": per own student the current count (`currentCount`, as the nightly run keeps
 * it), the marks close to 8 or 16 hours, and the newest signal. Students who left are not listed.
 */
export async function coachStudents(
  store: Store,
  coachId: string,
  now: Date,
  calendar: SchoolCalendar = defaultCalendar,
): Promise<CoachStudentRow[]> {
  const today = localDate(now);
  const [students, units] = await Promise.all([listStudentsByCoach(store, coachId), listOrgUnits(store)]);
  const teamName = new Map(units.map((u) => [u.orgUnitId, u.name]));
  const current = students.filter((s) => !s.leftOn || s.leftOn >= today);
  return mapLimit(current, 8, async (s): Promise<CoachStudentRow> => {
    const input = await loadEvaluationInput(store, s.studentId, addDays(today, -LOOK_BACK_DAYS));
    const profile = profileFor(s);
    const count = currentCount(calendar, input.days, input.signals.state, today, profile);
    return {
      student: { studentId: s.studentId, displayName: s.displayName, teamId: s.teamId, coachId: s.coachId },
      teamName: teamName.get(s.teamId) ?? s.teamId,
      routeX: s.routeX === true,
      from: count.from,
      to: count.to,
      unauthorizedMinutes: count.minutes,
      signal8Sent: count.signal8Sent,
      signalMinutes: profile.signalMinutes,
      reportMinutes: profile.reportMinutes,
      marks: count.marks,
      lastSignal: signalsOf(input.signals.state)[0] ?? null,
    };
  });
}
