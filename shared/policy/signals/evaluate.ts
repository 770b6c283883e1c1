/**
 * All signal rules for one student as of a date. Deterministic and idempotent: the state says
 * what was signalled already, so evaluating again on the same or any later date (with the same
 * data) never signals the same hours, weeks or sick reports twice. Days after `asOf` are ignored;
 * the order and duplicates of `days` do not matter.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import { fromDay } from '../../calendar/dates';
import type { NormProfile } from '../profiles';
import type { DaySummary, IsoDate, StudentFacts } from '../types';
import { type DayTable, dayNumber, prepareDays } from './days';
import { fourWeekSignals } from './four-week';
import { frequentSignals } from './frequent';
import { hourSignals } from './hours';
import { sicknessSignals } from './sickness';
import { suspensionCheckSignals } from './suspension-check';
import type {
  FourWeekSignal,
  FrequentAbsence,
  Report16,
  SickLong,
  SickRepeated,
  Signal,
  Signal8,
  SignalKind,
  StudentSignalState,
  SuspensionCheck,
} from './types';

export interface EvaluateInput {
  student: StudentFacts;
  days: readonly DaySummary[];
  state: StudentSignalState;
  asOf: IsoDate;
  calendar: SchoolCalendar;
  profile: NormProfile;
  /**
   * Set when `days` is a trailing window read from this date rather than the whole history: an
   * absence or sickness on its first school day may continue one from before, so the frequent
   * and sick-4-times rules do not count it as new. Leave it out for the whole history.
   */
  daysFrom?: IsoDate;
}

const KIND_ORDER: Record<SignalKind, number> = {
  signal8: 0,
  report16: 1,
  signal4w: 2,
  sick_long: 3,
  sick_repeated: 4,
  frequent: 5,
  suspension_check: 6,
};

export interface EvaluateResult {
  signals: Signal[];
  state: StudentSignalState;
  /**
   * A later date on which evaluating again will signal something even without new data (a
   * 16-hour report waiting for the 7-day limit, a sickness reaching its 7th school day on a day
   * without lessons), or null. Students without new registrations must still be evaluated on
   * that date.
   */
  recheckOn: IsoDate | null;
}

/** The first row with lessons, if it lies on the first school day of a trailing window; else -1. */
function suspectRow(t: DayTable, daysFrom: IsoDate | undefined, calendar: SchoolCalendar): number {
  if (daysFrom === undefined) return -1;
  const first = calendar.firstSchoolDayFromNumber(dayNumber(daysFrom));
  let row = 0;
  while (row < t.length && t.lessons[row] === 0) row++;
  return row < t.length && first !== null && (t.day[row] as number) <= first ? row : -1;
}

export function evaluateStudent(input: EvaluateInput): EvaluateResult {
  const { student, calendar, profile, asOf, state } = input;
  const asOfDay = dayNumber(asOf);
  const days = prepareDays(input.days, asOfDay, calendar);
  const id = student.studentId;
  const signals: Signal[] = [];
  // A fresh copy: the caller's state is never mutated. Spelled out to keep one object shape, and
  // tolerant of stored states that lack a field added later.
  const next: StudentSignalState = {
    reportedThrough: state.reportedThrough ?? null,
    reportMadeOn: state.reportMadeOn ?? state.reportedThrough ?? null,
    signal8Through: state.signal8Through ?? null,
    fourWeekThrough: state.fourWeekThrough ?? null,
    sickRepeatedThrough: state.sickRepeatedThrough ?? null,
    sickLongThrough: state.sickLongThrough ?? null,
    frequentThrough: state.frequentThrough ?? null,
    suspensionCheckThrough: state.suspensionCheckThrough ?? null,
  };
  const recheckOn = hourSignals(
    student,
    days,
    next,
    asOf,
    calendar,
    profile,
    signals as (Report16 | Signal8)[],
  );
  // Route-X: the 4-week signal is a legal rule (section 4.2 and its footnote), not the school's.
  if (profile.legalRules)
    fourWeekSignals(id, days, next, asOfDay, calendar, profile, signals as FourWeekSignal[]);
  const suspect = suspectRow(days, input.daysFrom, calendar);
  // Days read from on or before the enrolment hold the whole history: no sickness before them.
  const trailing = input.daysFrom !== undefined && input.daysFrom > student.enrolledFrom;
  const sickOn = sicknessSignals(
    id,
    days,
    next,
    asOf,
    calendar,
    profile,
    signals as (SickRepeated | SickLong)[],
    trailing,
  );
  frequentSignals(id, days, next, asOf, calendar, profile, signals as FrequentAbsence[], suspect);
  suspensionCheckSignals(id, input.days, next, asOf, calendar, signals as SuspensionCheck[]);
  if (signals.length > 1) {
    signals.sort(
      (a, b) =>
        (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : 0) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
    );
  }
  const sickRecheck = Number.isNaN(sickOn) ? null : fromDay(sickOn);
  return {
    signals,
    state: next,
    recheckOn:
      recheckOn === null || (sickRecheck !== null && sickRecheck < recheckOn) ? sickRecheck : recheckOn,
  };
}
