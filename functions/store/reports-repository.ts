import type { Report, ReportStatus } from '../domain/report';
import type { Store } from './client';
import {
  HIGH,
  INDEX,
  reportKey,
  reportStudentGsi2,
  reportsByStudentPk,
  reportsByUnitPk,
  reportUnitGsi1,
} from './keys';
import { wholeRecords } from './whole-records';

/** The list a report shows in: a coach's conversation keeps it in the open list. */
export type ReportList = 'open' | 'handled' | 'withdrawn';
const listOf = (status: ReportStatus): ReportList => (status === 'conversation' ? 'open' : status);

const reports = wholeRecords<Report>({
  type: 'report',
  key: reportKey,
  id: (report) => report.reportId,
  indexKeys: (report) => ({
    ...reportUnitGsi1(report.teamId, listOf(report.status), report.createdOn, report.reportId),
    ...reportStudentGsi2(report.studentId, report.createdOn, report.reportId),
  }),
});

/** Creates a report once: false if a report with this id exists (the nightly run ran before). */
export const createReport = reports.create;
export const getReport = reports.get;
/** Replaces a report if unchanged since read (version and `expiresAt`): see `wholeRecords`. */
export const saveReport = reports.save;

/** A team's reports in one list, optionally only those created from `from` (inclusive) on. */
export function listTeamReports(
  store: Store,
  teamId: string,
  list: ReportList,
  from = '',
): Promise<Report[]> {
  return reports.query(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
    ExpressionAttributeValues: { ':pk': reportsByUnitPk(teamId, list), ':from': from },
  });
}

/** A student's reports, oldest first. */
export function listStudentReports(store: Store, studentId: string, from = '', to = HIGH): Promise<Report[]> {
  return reports.query(store, {
    IndexName: INDEX.gsi2,
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': reportsByStudentPk(studentId), ':from': from, ':to': `${to}${HIGH}` },
  });
}
