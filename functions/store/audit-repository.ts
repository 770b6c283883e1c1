import { randomUUID } from 'node:crypto';
import { PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit';
import type { Store } from './client';
import { queryAll } from './dynamo';
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
  // Two changes within one millisecond still sort in order: by the record's version, when it has one.
  const version = (entry.after as { version?: unknown } | null)?.version;
  const sequence = String(typeof version === 'number' ? version : 0).padStart(8, '0');
  const auditId = `${sequence}-${randomUUID()}`;
  return {
    Put: {
      TableName: store.tableName,
      Item: {
        ...auditKey(entry.entity, entry.entityId, entry.at, auditId),
        ...(studentId ? auditStudentGsi1(studentId, entry.at, auditId) : {}),
        type: 'audit',
        auditId,
        ...entry,
        expiresAt,
      },
    },
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
  return items.map((raw) => {
    const { entity: e, entityId: id, at, by, what, before, after } = raw as unknown as AuditEntry;
    return { entity: e, entityId: id, at, by, what, before, after };
  });
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
