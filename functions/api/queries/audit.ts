import type { StudentRead } from '../../../shared/api/audit';
import { localDate } from '../../domain/dates';
import { appendAudit, appendReadEntries, listStudentAudit } from '../../store/audit-repository';
import type { Store } from '../../store/client';
import { dateItemExpiry, studentItemExpiry } from '../../store/retention';
import { listStaff } from '../../store/staff';
import { batchGetStudents, getStudent } from '../../store/students';
import type { AuditEntry } from '../ports';

/**
 * Files a read in the audit trail. Reads of a student's data are filed under the student and
 * expire with the student's data; other reads (lists, exports) are filed under the reader and
 * kept `retentionYears` after the read, with what they showed (`seen`: unit, period, students).
 * A list's students each get an entry of their own on their trail as well (expiring with their
 * data), so that "who saw this student" is answered by the student's trail alone.
 */
export async function auditRead(store: Store, entry: AuditEntry, retentionYears: number): Promise<void> {
  const date = localDate(new Date(entry.at));
  const what = `${entry.action} ${entry.subject}`;
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
      what,
      before: null,
      after: null,
      ...(entry.seen ? { seen: entry.seen } : {}),
    },
    expiresAt,
    entry.studentId,
  );
  const seen = entry.seen;
  if (!seen || entry.studentId || seen.studentIds.length === 0) return;
  const { studentIds: _all, studentCount: _count, ...scope } = seen;
  const students = await batchGetStudents(store, seen.studentIds);
  await appendReadEntries(
    store,
    seen.studentIds.map((studentId) => ({
      studentId,
      expiresAt: studentItemExpiry(students.get(studentId), date, retentionYears),
      entry: {
        entity: 'student',
        entityId: studentId,
        at: entry.at,
        by: entry.staffId,
        what,
        before: null,
        after: null,
        seen: { ...scope, studentIds: [studentId], studentCount: 1 },
      },
    })),
  );
}

const READ = 'read ';

/** Who saw a student's data: the reads on the student's trail (AP 26), newest first, with the reader's name. */
export async function studentReads(store: Store, studentId: string): Promise<StudentRead[]> {
  const [trail, staff] = await Promise.all([listStudentAudit(store, studentId), listStaff(store)]);
  const names = new Map(staff.map((s) => [s.staffId, s.name]));
  return trail
    .filter((e) => e.what.startsWith(READ))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((e) => ({
      at: e.at,
      staffId: e.by,
      staffName: names.get(e.by) ?? null,
      subject: e.what.slice(READ.length),
      ...(e.seen?.unitId ? { unitId: e.seen.unitId } : {}),
      ...(e.seen?.from ? { from: e.seen.from } : {}),
      ...(e.seen?.to ? { to: e.seen.to } : {}),
    }));
}
