import { localDate } from '../../domain/dates';
import { appendAudit } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { dateItemExpiry, studentItemExpiry } from '../../store/retention';
import { getStudent } from '../../store/students';
import type { AuditEntry } from '../ports';

/**
 * Files a read in the audit trail. Reads of a student's data are filed under the student and
 * expire with the student's data; other reads (exports) are filed under the reader and kept
 * `retentionYears` after the read.
 */
export async function auditRead(store: Store, entry: AuditEntry, retentionYears: number): Promise<void> {
  const date = localDate(new Date(entry.at));
  const expiresAt = entry.studentId
    ? studentItemExpiry(await getStudent(store, entry.studentId), date, retentionYears)
    : dateItemExpiry(date, retentionYears);
  await appendAudit(
    store,
    {
      entity: 'student',
      entityId: entry.studentId ?? `staff:${entry.staffId}`,
      at: entry.at,
      by: entry.staffId,
      what: `${entry.action} ${entry.subject}`,
      before: null,
      after: null,
    },
    expiresAt,
    entry.studentId,
  );
}
