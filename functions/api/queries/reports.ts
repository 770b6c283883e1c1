import type { ReportDetail, ReportSummary } from '../../../shared/api/reports';
import { localDate } from '../../domain/dates';
import type { Report } from '../../domain/report';
import type { Store } from '../../store/client';
import { listDaySummaries } from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { getReport as getStoredReport, listTeamReports } from '../../store/reports-repository';
import { listStudentsByCoach } from '../../store/students';
import type { Page, ReportFilter } from '../ports';
import { pageOf } from './cursor';
import { reportDetail, reportSummary } from './mapping';
import { allTeamIds } from './refs';

/** The 16-hour reports: the open ones of the coach's start page and a unit, and one in detail. */

const reportKey = (r: Report) => `${r.createdOn}#${r.reportId}`;

/** Open (not yet handled) 16-hour reports, oldest first. */
export async function listOpenReports(
  store: Store,
  filter: ReportFilter,
  cursor: string | null,
  limit: number,
  now: Date,
): Promise<Page<ReportSummary>> {
  let teamIds = filter.teamIds;
  if (!teamIds && filter.coachId) {
    teamIds = [...new Set((await listStudentsByCoach(store, filter.coachId)).map((s) => s.teamId))];
  }
  teamIds ??= await allTeamIds(store);
  const lists = await mapLimit(teamIds, 8, (teamId) => listTeamReports(store, teamId, 'open'));
  const reports = lists
    .flat()
    .filter((r) => !filter.coachId || r.coachId === filter.coachId)
    .sort((a, b) => reportKey(a).localeCompare(reportKey(b)));
  const today = localDate(now);
  const page = pageOf(reports, reportKey, cursor, limit);
  return { items: page.items.map((r) => reportSummary(r, today)), nextCursor: page.nextCursor };
}

/** A report with the lessons behind it. */
export async function getReport(store: Store, reportId: string, now: Date): Promise<ReportDetail | null> {
  const report = await getStoredReport(store, reportId);
  if (!report) return null;
  const days = await listDaySummaries(store, report.studentId, report.from, report.to);
  return reportDetail(report, localDate(now), days);
}
