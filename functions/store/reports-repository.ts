import { GetCommand, PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Expiring } from '../domain/expiring';
import type { Report, ReportStatus } from '../domain/report';
import type { Store } from './client';
import { queryAll } from './dynamo';
import { conditionHeld, conditionMustHold } from './errors';
import {
  HIGH,
  INDEX,
  reportKey,
  reportStudentGsi2,
  reportsByStudentPk,
  reportsByUnitPk,
  reportUnitGsi1,
} from './keys';

/** The list a report shows in: a coach's conversation keeps it in the open list. */
export type ReportList = 'open' | 'handled' | 'withdrawn';
const listOf = (status: ReportStatus): ReportList => (status === 'conversation' ? 'open' : status);

function item(report: Report) {
  return {
    ...reportKey(report.reportId),
    ...reportUnitGsi1(report.teamId, listOf(report.status), report.createdOn, report.reportId),
    ...reportStudentGsi2(report.studentId, report.createdOn, report.reportId),
    type: 'report',
    ...report,
  };
}

function strip(raw: Record<string, unknown>): Report {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...report } = raw;
  return report as unknown as Report;
}

/** Creates a report once: false if a report with this id exists (the nightly run ran before). */
export function createReport(store: Store, report: Expiring<Report>): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item(report),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

export async function getReport(store: Store, reportId: string): Promise<Report | undefined> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: reportKey(reportId) }),
  );
  return result.Item ? strip(result.Item) : undefined;
}

/**
 * Replaces a report if nobody changed it since `previousVersion` was read. The report keeps the
 * `expiresAt` it was read with, so the write is also conditional on that: a student who left
 * meanwhile (`rewriteStudentExpiry`) counts as a concurrent change instead of being undone.
 */
export async function saveReport(store: Store, report: Report, previousVersion: number): Promise<void> {
  await conditionMustHold(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item(report),
        ...unchangedSince(previousVersion, report.expiresAt),
      }),
    ),
    report.reportId,
  );
}

/** The write condition of a whole-record save: same version, same `expiresAt` as when read. */
export function unchangedSince(version: number, expiresAt: number | undefined) {
  return expiresAt === undefined
    ? {
        ConditionExpression: 'version = :v AND attribute_not_exists(expiresAt)',
        ExpressionAttributeValues: { ':v': version },
      }
    : {
        ConditionExpression: 'version = :v AND expiresAt = :x',
        ExpressionAttributeValues: { ':v': version, ':x': expiresAt },
      };
}

function queryReports(
  store: Store,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Report[]> {
  return queryAll(store, input).then((items) => items.map(strip));
}

/** A team's reports in one list, optionally only those created from `from` (inclusive) on. */
export function listTeamReports(
  store: Store,
  teamId: string,
  list: ReportList,
  from = '',
): Promise<Report[]> {
  return queryReports(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :from',
    ExpressionAttributeValues: { ':pk': reportsByUnitPk(teamId, list), ':from': from },
  });
}

/** A student's reports, oldest first. */
export function listStudentReports(store: Store, studentId: string, from = '', to = HIGH): Promise<Report[]> {
  return queryReports(store, {
    IndexName: INDEX.gsi2,
    KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': reportsByStudentPk(studentId), ':from': from, ':to': `${to}${HIGH}` },
  });
}
