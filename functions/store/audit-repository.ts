import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../usecases/reports/model';
import type { Store } from './client';
import { queryAll } from './dynamo';
import { auditKey, auditPk, auditStudentGsi1 } from './keys';

/** Appends one entry: who, when, what, the record before and after. Never updated. */
export async function appendAudit(store: Store, entry: AuditEntry, studentId?: string): Promise<void> {
  // Two changes within one millisecond still sort in order: by the record's version, when it has one.
  const version = (entry.after as { version?: unknown } | null)?.version;
  const sequence = String(typeof version === 'number' ? version : 0).padStart(8, '0');
  const auditId = `${sequence}-${randomUUID()}`;
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...auditKey(entry.entity, entry.entityId, entry.at, auditId),
        ...(studentId ? auditStudentGsi1(studentId, entry.at, auditId) : {}),
        type: 'audit',
        auditId,
        ...entry,
      },
    }),
  );
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
