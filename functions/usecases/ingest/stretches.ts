/**
 * Suspension (at most 5 school days) and special leave (under 10) are limits on a stretch of
 * days. One registration cannot know its place in the stretch, so ingestion reads the
 * student's registrations with the same reason around it, counts with `dayOfStretch`, and,
 * because an earlier day arriving (or leaving) later shifts the count of the days after it,
 * reclassifies those later days too. Such reasons are rare: one extra query per student.
 */

import { fromDay, type SchoolCalendar, toDay } from '../../../shared/calendar';
import type { RegistrationData } from '../../../shared/contract/events';
import { type ClassifyContext, dayOfStretch, MAX_SPECIAL_LEAVE_DAYS } from '../../../shared/policy';
import type { IsoDate, Reason } from '../../../shared/policy/types';

export type StretchKind = 'suspension' | 'special_leave';

/** Which stretch a reason belongs to; a wedding or funeral is special leave (policy ch. 3). */
export function stretchKindOf(reason: Reason | undefined): StretchKind | undefined {
  if (reason === 'suspension') return 'suspension';
  if (reason === 'special_leave' || reason === 'wedding_or_funeral') return 'special_leave';
  return undefined;
}

type Facts = Pick<RegistrationData, 'date' | 'status' | 'reason'>;

/** The dates on which the student missed lessons for each kind of stretch. */
export type StretchDates = Map<StretchKind, Set<IsoDate>>;

export function stretchDatesOf(registrations: Iterable<Facts>): StretchDates {
  const dates: StretchDates = new Map();
  for (const reg of registrations) {
    const kind = stretchKindOf(reg.reason);
    if (!kind || reg.status === 'present') continue;
    const set = dates.get(kind) ?? new Set<IsoDate>();
    set.add(reg.date);
    dates.set(kind, set);
  }
  return dates;
}

/** The part of `classify`'s context that says which day of its stretch a registration is. */
export function stretchContext(
  calendar: SchoolCalendar,
  dates: StretchDates,
  reg: Facts,
): Pick<ClassifyContext, 'suspensionDay' | 'specialLeaveDay'> {
  const kind = stretchKindOf(reg.reason);
  if (!kind) return {};
  const day = dayOfStretch(calendar, dates.get(kind) ?? new Set(), reg.date);
  return kind === 'suspension' ? { suspensionDay: day } : { specialLeaveDay: day };
}

/**
 * How far a change on a date reaches: classifying a day needs the longest limit's worth of
 * school days before it, and a change can alter the verdict of as many school days after it.
 */
const REACH = MAX_SPECIAL_LEAVE_DAYS + 1;

export function stretchWindow(
  calendar: SchoolCalendar,
  first: IsoDate,
  last: IsoDate,
): { from: IsoDate; to: IsoDate } {
  let from = first;
  for (let i = 0; i < REACH; i++) {
    const previous = calendar.previousSchoolDay(from);
    if (previous === null) break;
    from = previous;
  }
  let to = last;
  for (let i = 0; i < REACH; i++) {
    const next = calendar.firstSchoolDayFromNumber(toDay(to) + 1);
    if (next === null) break;
    to = fromDay(next);
  }
  return { from, to };
}
