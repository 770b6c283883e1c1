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
