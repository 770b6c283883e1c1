/** Enrolment: which days and signals the rules may act on for a student who left. */
import type { DaySummary } from './types';

/**
 * A student's last enrolled day: the `student.left` date or `enrolledUntil`, whichever comes
 * first (both inclusive: the student is still enrolled on that day). Undefined while neither is set.
 */
export function lastEnrolledDay(
  student: { leftOn?: string | null; enrolledUntil?: string | null } | undefined,
): string | undefined {
  const dates = [student?.leftOn, student?.enrolledUntil].filter((d): d is string => typeof d === 'string');
  return dates.sort()[0];
}

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
