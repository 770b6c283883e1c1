import { randomUUID } from 'node:crypto';
import { PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit';
import type { Store } from './client';
import { batchPut, queryAll } from './dynamo';
import { auditKey, auditPk, auditStudentGsi1, INDEX, type PrimaryKey, studentAuditPk } from './keys';
import type { TransactItem } from './transact';

/**
 * Appends one entry: who, when, what, the record before and after. Never updated, except its
 * `expiresAt`: an entry about a student (`studentId`) expires with the student's data
 * (`studentItemExpiry`, rewritten when they leave); any other entry RETENTION_YEARS after its
 * date (`dateItemExpiry`).
 */
export async function appendAudit(
  store: Store,
  entry: AuditEntry,
  expiresAt: number,
  studentId?: string,
): Promise<void> {
  await store.doc.send(new PutCommand(auditItem(store, entry, expiresAt, studentId).Put as PutCommandInput));
}

/** The same entry as an item of the transaction that makes the change it records (`writeWith`). */
export function auditItem(
  store: Store,
  entry: AuditEntry,
  expiresAt: number,
  studentId?: string,
): TransactItem {
  return { Put: { TableName: store.tableName, Item: auditRecord(entry, expiresAt, studentId) } };
}

/** The stored item of an entry: under its record (AP 25) and, about a student, on their trail (AP 26). */
function auditRecord(entry: AuditEntry, expiresAt: number, studentId?: string): Record<string, unknown> {
  // Two changes within one millisecond still sort in order: by the record's version, when it has
  // one (a read has none: the random id alone keeps reads apart).
  const version = (entry.after as { version?: unknown } | null)?.version;
  const sequence = String(typeof version === 'number' ? version : 0).padStart(8, '0');
  const auditId = `${sequence}-${randomUUID()}`;
  return {
    ...auditKey(entry.entity, entry.entityId, entry.at, auditId),
    ...(studentId ? auditStudentGsi1(studentId, entry.at, auditId) : {}),
    type: 'audit',
    auditId,
    ...entry,
    expiresAt,
  };
}

/** The trail of one report, task or case, oldest first. */
export async function listAudit(
  store: Store,
  entity: AuditEntry['entity'],
  entityId: string,
): Promise<AuditEntry[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': auditPk(entity, entityId) },
  });
  return items.map(entryOf);
}

function entryOf(raw: Record<string, unknown>): AuditEntry {
  const { entity, entityId, at, by, what, before, after, seen } = raw as unknown as AuditEntry;
  return { entity, entityId, at, by, what, before, after, ...(seen ? { seen } : {}) };
}

/** Where an audit entry about a student is, and which record it is about. */
export interface StudentAuditRef {
  key: PrimaryKey;
  entity: AuditEntry['entity'];
  entityId: string;
}

/** Every audit entry about a student (keys and subjects only), through the student's trail index. */
export async function listStudentAuditRefs(store: Store, studentId: string): Promise<StudentAuditRef[]> {
  const items = await queryAll(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ProjectionExpression: 'pk, sk, entity, entityId',
    ExpressionAttributeValues: { ':pk': studentAuditPk(studentId) },
  });
  return items.map((raw) => ({
    key: { pk: String(raw.pk), sk: String(raw.sk) },
    entity: raw.entity as AuditEntry['entity'],
    entityId: String(raw.entityId),
  }));
}

/**
 * Appends many read entries at once (BatchWriteItem): one per student a list or an export showed,
 * each filed under the student (AP 25) and on the student's trail (AP 26), so that "who saw this
 * student" is one query.
 */
export async function appendReadEntries(
  store: Store,
  entries: readonly { entry: AuditEntry; studentId: string; expiresAt: number }[],
): Promise<void> {
  await batchPut(
    store,
    entries.map(({ entry, studentId, expiresAt }) => auditRecord(entry, expiresAt, studentId)),
  );
}

/** The student's whole trail (AP 26), oldest first: changes to their records and reads of their data. */
export async function listStudentAudit(store: Store, studentId: string): Promise<AuditEntry[]> {
  const items = await queryAll(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': studentAuditPk(studentId) },
  });
  return items.map(entryOf);
}
