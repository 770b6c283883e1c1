import type { CoachCount, ReportDetail, ReportSummary } from '../../../shared/api/reports';
import { legalConsequence } from '../../../shared/policy/legal-consequence';
import { localDate } from '../../domain/dates';
import type { Report } from '../../domain/report';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { getReport as getStoredReport, listTeamReports } from '../../store/reports-repository';
import { getStaff } from '../../store/staff';
import { getStudent, listStudentsByCoach } from '../../store/students';
import type { Page, ReportFilter } from '../ports';
import { pageOf } from './cursor';
import { reportDetail, reportSummary } from './mapping';
import { allTeamIds } from './refs';

/** The 16-hour reports: the open ones of the coach's start page and a unit, and one in detail. */

const reportKey = (r: Report) => `${r.createdOn}#${r.reportId}`;

/** Every open report of the filter (AP 14 per team), oldest first. */
export async function allOpenReports(store: Store, filter: ReportFilter): Promise<Report[]> {
  let teamIds = filter.teamIds;
  if (!teamIds && filter.coachId) {
    teamIds = [...new Set((await listStudentsByCoach(store, filter.coachId)).map((s) => s.teamId))];
  }
  teamIds ??= await allTeamIds(store);
  const lists = await mapLimit(teamIds, 8, (teamId) => listTeamReports(store, teamId, 'open'));
  return lists
    .flat()
    .filter((r) => !filter.coachId || r.coachId === filter.coachId)
    .sort((a, b) => reportKey(a).localeCompare(reportKey(b)));
}

/** Open (not yet handled) 16-hour reports, oldest first. */
export async function listOpenReports(
  store: Store,
  filter: ReportFilter,
  cursor: string | null,
  limit: number,
  now: Date,
): Promise<Page<ReportSummary>> {
  const reports = await allOpenReports(store, filter);
  const today = localDate(now);
  const page = pageOf(reports, reportKey, cursor, limit);
  return { items: page.items.map((r) => reportSummary(r, today)), nextCursor: page.nextCursor };
}

/** Overdue first, then by due date, then oldest first: what a manager chases first. */
const urgencyKey = (r: ReportSummary) => `${r.overdue ? 0 : 1}#${r.dueDate}#${r.createdOn}#${r.reportId}`;

/**
 * Every open report of the given teams (the live list, whatever its age: the KPI's 28 school
 * days are the KPI's norm, not a limit on what is still to be done), overdue first, each with
 * its coach's name, and the count per coach over the whole list. One query per team (AP 14).
 */
export async function listUnitOpenReports(
  store: Store,
  teamIds: readonly string[],
  cursor: string | null,
  limit: number,
  now: Date,
): Promise<Page<ReportSummary> & { coaches: CoachCount[] }> {
  const today = localDate(now);
  const lists = await mapLimit(teamIds, 8, (teamId) => listTeamReports(store, teamId, 'open'));
  const reports = lists.flat().map((r) => reportSummary(r, today));
  const coachIds = [...new Set(reports.map((r) => r.student.coachId))];
  const staff = await mapLimit(coachIds, 8, (id) => getStaff(store, id));
  const nameOf = new Map(coachIds.map((id, i) => [id, staff[i]?.name ?? '']));
  const counts = new Map<string, CoachCount>();
  for (const r of reports) {
    const id = r.student.coachId;
    const c = counts.get(id) ?? { coachId: id, name: nameOf.get(id) ?? '', open: 0, overdue: 0 };
    c.open++;
    if (r.overdue) c.overdue++;
    counts.set(id, c);
  }
  const coaches = [...counts.values()].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name),
  );
  const sorted = reports.sort((a, b) => urgencyKey(a).localeCompare(urgencyKey(b)));
  const page = pageOf(sorted, urgencyKey, cursor, limit);
  const named = page.items.map((r) => {
    const name = nameOf.get(r.student.coachId);
    return name ? { ...r, coachName: name } : r;
  });
  return { items: named, nextCursor: page.nextCursor, coaches };
}

/**
 * A report with the lessons behind it, its history by staff name and what the law makes of it
 * (from the student's facts on the report's date; the stored addressee was decided the same way).
 */
export async function getReport(store: Store, reportId: string, now: Date): Promise<ReportDetail | null> {
  const report = await getStoredReport(store, reportId);
  if (!report) return null;
  const [days, student] = await Promise.all([
    listDaySummaries(store, report.studentId, report.from, report.to),
    getStudent(store, report.studentId),
  ]);
  const staffIds = [...new Set(report.actions.map((a) => a.by).concat(report.handledBy ?? []))];
  const staff = await mapLimit(staffIds, 8, (id) => getStaff(store, id));
  const names = new Map(staffIds.map((id, i) => [id, staff[i]?.name]));
  const detail = reportDetail(report, localDate(now), days, (id) => names.get(id));
  return { ...detail, legal: student ? legalConsequence(student, report) : null };
}
