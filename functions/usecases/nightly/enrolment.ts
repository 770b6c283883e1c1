import type { DaySummary } from '../../../shared/policy';
import { lastEnrolledDay } from '../../mail/leaving';

/**
 * The days the rules may see: none after the student's last enrolled day (`student.left` or
 * `enrolledUntil`). Later registrations stay stored; they just produce nothing.
 */
export function enrolledDays(
  days: readonly DaySummary[],
  student: { leftOn?: string | null; enrolledUntil?: string | null },
): readonly DaySummary[] {
  const last = lastEnrolledDay(student);
  return last === undefined ? days : days.filter((d) => d.date <= last);
}

/**
 * The signals the run acts on: none whose period reaches past the last enrolled day. A school
 * week is judged whole, so a 4-week run could otherwise end in the week the student left, on
 * days they were no longer enrolled. The state still records it: it is never signalled later.
 */
export function enrolledSignals<S extends { period: { to: string } }>(
  signals: readonly S[],
  student: { leftOn?: string | null; enrolledUntil?: string | null },
): S[] {
  const last = lastEnrolledDay(student);
  return last === undefined ? [...signals] : signals.filter((s) => s.period.to <= last);
}
