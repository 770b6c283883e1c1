/** One entry of the audit trail: who changed (or read) what, when, and the record before and after. */
export interface AuditEntry {
  /** `student`: a read of a student's data on the dashboard (who looked, when, at what). */
  entity: 'report' | 'task' | 'case' | 'student';
  entityId: string;
  at: string;
  by: string;
  what: string;
  before: unknown;
  after: unknown;
}
