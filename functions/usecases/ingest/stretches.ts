/**
 * Suspension (at most 5 school days in a row) and special leave (at most 10 school days in a
 * school year, Lpw art. 14) are limits on more than one day. One registration cannot know its
 * place, so ingestion reads the student's registrations around it, counts with `dayOfStretch`
 * / `dayOfSchoolYear`, and, because an earlier day arriving (or leaving) later shifts the count
 * of the days after it, reclassifies those later days too. Such reasons are rare: one extra
 * query per student.
 */

import { fromDay, type SchoolCalendar, toDay } from '../../../shared/calendar';
import type { RegistrationData } from '../../../shared/contract/events';
import {
  type ClassifyContext,
  dayOfSchoolYear,
  dayOfStretch,
  MAX_SUSPENSION_DAYS,
  schoolYearOf,
} from '../../../shared/policy';
import type { IsoDate, Reason } from '../../../shared/policy/types';

export type StretchKind = 'suspension' | 'special_leave';

/** Which stretch a reason belongs to; a wedding or funeral is special leave (policy ch. 3). */
export function stretchKindOf(reason: Reason | undefined): StretchKind | undefined {
  if (reason === 'suspension') return 'suspension';
  if (reason === 'special_leave' || reason === 'wedding_or_funeral') return 'special_leave';
  return undefined;
}

type Facts = Pick<RegistrationData, 'date' | 'status' | 'reason' | 'notice'>;

/**
 * The dates that count towards each limit: a lesson missed for suspension, or special leave
 * the education manager granted. Leave nobody granted is unauthorized by its own rule and does
 * not use up the year's 10 days.
 */
export type StretchDates = Map<StretchKind, Set<IsoDate>>;

export function stretchDatesOf(registrations: Iterable<Facts>): StretchDates {
  const dates: StretchDates = new Map();
  for (const reg of registrations) {
    const kind = stretchKindOf(reg.reason);
    if (!kind || reg.status === 'present') continue;
    if (kind === 'special_leave' && reg.notice?.approvedBy !== 'manager') continue;
    const set = dates.get(kind) ?? new Set<IsoDate>();
    set.add(reg.date);
    dates.set(kind, set);
  }
  return dates;
}

/** The part of `classify`'s context that says which day of its stretch or year a registration is. */
export function stretchContext(
  calendar: SchoolCalendar,
  dates: StretchDates,
  reg: Facts,
): Pick<ClassifyContext, 'suspensionDay' | 'specialLeaveDayOfYear'> {
  const kind = stretchKindOf(reg.reason);
  if (!kind) return {};
  const set = dates.get(kind) ?? new Set<IsoDate>();
  return kind === 'suspension'
    ? { suspensionDay: dayOfStretch(calendar, set, reg.date) }
    : { specialLeaveDayOfYear: dayOfSchoolYear(set, reg.date) };
}

/**
 * How far a change on a date reaches. A suspension day needs the limit's worth of school days
 * before it, and can alter the verdict of as many school days after it. A special-leave day is
 * counted from the start of its school year and shifts every later one up to the year's end.
 */
const SUSPENSION_REACH = MAX_SUSPENSION_DAYS + 1;

export function stretchWindow(
  calendar: SchoolCalendar,
  kind: StretchKind,
  first: IsoDate,
  last: IsoDate,
): { from: IsoDate; to: IsoDate } {
  if (kind === 'special_leave') return { from: schoolYearOf(first).from, to: schoolYearOf(last).to };
  let from = first;
  for (let i = 0; i < SUSPENSION_REACH; i++) {
    const previous = calendar.previousSchoolDay(from);
    if (previous === null) break;
    from = previous;
  }
  let to = last;
  for (let i = 0; i < SUSPENSION_REACH; i++) {
    const next = calendar.firstSchoolDayFromNumber(toDay(to) + 1);
    if (next === null) break;
    to = fromDay(next);
  }
  return { from, to };
}
