/** One student's school day in numbers: what the signal rules read instead of raw registrations. */
import type { Classification, DaySummary, IsoDate, RegistrationStatus } from './types';

export function summarizeDay(
  date: IsoDate,
  items: ReadonlyArray<{ status: RegistrationStatus; classification: Classification }>,
): DaySummary {
  const day: DaySummary = {
    date,
    lessons: 0,
    lessonMinutes: 0,
    unauthorizedMinutes: 0,
    authorizedMinutes: 0,
    unauthorizedAbsentLessons: 0,
    unauthorizedLateOrEarly: 0,
    sick: false,
  };
  for (const { status, classification: c } of items) {
    day.lessons++;
    day.lessonMinutes += c.lessonMinutes;
    // A present lesson would add nothing below either (no minutes missed, not sick): the skip
    // is a shortcut, so mutants that drop it are equivalent.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent, see above
    if (status === 'present' || c.kind === 'present') continue;
    if (c.sick) day.sick = true;
    if (c.ruleId === 'suspension.beyond_5_days') day.suspensionOverLimit = true;
    if (c.kind === 'authorized') {
      day.authorizedMinutes += c.minutesMissed;
    } else {
      day.unauthorizedMinutes += c.minutesMissed;
      if (status === 'absent') day.unauthorizedAbsentLessons++;
      else if (c.minutesMissed > 0) day.unauthorizedLateOrEarly++;
    }
  }
  return day;
}
