import { appendAudit, auditItem } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import type { TransactItem } from '../../store/transact';

/** A change to a report, task or case, for the audit trail. */
export interface AuditedChange {
  entity: 'report' | 'task' | 'case';
  entityId: string;
  /** A staff id, or `nightly` for the nightly run. */
  by: string;
  /** ISO timestamp of the change. */
  at: string;
  what: string;
  /** The record before the change; null (the default) when it was created. */
  before?: unknown;
  after: unknown;
  /** The student it is about: the entry is found through the student's trail, and leaves with them. */
  studentId: string;
  /** The entry expires with the record it is about: that record's `expiresAt`. */
  expiresAt: number;
}

/** Appends one entry to the audit trail: who, when, what, the record before and after. */
export function audit(store: Store, change: AuditedChange): Promise<void> {
  const { studentId, expiresAt, before = null, ...entry } = change;
  return appendAudit(store, { ...entry, before }, expiresAt, studentId);
}

/**
 * The same entry, to be written in the transaction of the change it records (`commitWith`): the
 * change is never stored without its entry, nor the entry without the change.
 */
export function auditWith(store: Store, change: AuditedChange): TransactItem {
  const { studentId, expiresAt, before = null, ...entry } = change;
  return auditItem(store, { ...entry, before }, expiresAt, studentId);
}

/** A change the nightly run made: by `nightly`, now, stamped with the run's date; for its transaction. */
export function nightlyChange(asOf: string, change: Omit<AuditedChange, 'by' | 'at'>): AuditedChange {
  return { ...change, by: 'nightly', at: new Date().toISOString(), what: `${change.what} (as of ${asOf})` };
}
