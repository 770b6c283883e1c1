/** Exact minutes: the lesson's length for `absent`, the reported minutes for late/left early. */
import type { LocalTime, Minutes, RegistrationStatus } from './types';

/** Minutes since midnight of `HH:MM`, without building a Date. */
export function minutesOfDay(t: LocalTime): Minutes {
  return (
    (t.charCodeAt(0) - 48) * 600 +
    (t.charCodeAt(1) - 48) * 60 +
    (t.charCodeAt(3) - 48) * 10 +
    (t.charCodeAt(4) - 48)
  );
}

/** Length of a lesson; never negative (a lesson cannot cross midnight in a school day). */
export function lessonLength(start: LocalTime, end: LocalTime): Minutes {
  const len = minutesOfDay(end) - minutesOfDay(start);
  return Math.max(len, 0);
}

export function minutesMissed(
  status: RegistrationStatus,
  lesson: Minutes,
  reported: number | undefined,
): Minutes {
  if (status === 'present') return 0;
  if (status === 'absent') return lesson;
  const m = reported ?? 0;
  return m < 0 ? 0 : m > lesson ? lesson : m;
}
