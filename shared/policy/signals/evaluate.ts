/**
 * All signal rules for one student as of a date. Deterministic and idempotent: the state says
 * what was signalled already, so evaluating again on the same or any later date (with the same
 * data) never signals the same hours, weeks or sick reports twice. Days after `asOf` are ignored;
 * the order and duplicates of `days` do not matter.
 */
import type { SchoolCalendar } from '../../calendar/calendar';
import type { NormProfile } from '../profiles';
import type { DaySummary, IsoDate, StudentFacts } from '../types';
import { dayNumber, prepareDays } from './days';
import { fourWeekSignals } from './four-week';
import { frequentSignals } from './frequent';
import { hourSignals } from './hours';
import { sicknessSignals } from './sickness';
import type { Signal, SignalKind, StudentSignalState } from './types';

export interface EvaluateInput {
  student: StudentFacts;
  days: readonly DaySummary[];
  state: StudentSignalState;
  asOf: IsoDate;
  calendar: SchoolCalendar;
  profile: NormProfile;
}

const KIND_ORDER: Record<SignalKind, number> = {
  signal8: 0,
  report16: 1,
  signal4w: 2,
  sick_long: 3,
  sick_repeated: 4,
  frequent: 5,
};

export function evaluateStudent(input: EvaluateInput): { signals: Signal[]; state: StudentSignalState } {
  const { student, calendar, profile, asOf } = input;
  const asOfDay = dayNumber(asOf);
  const days = prepareDays(input.days, asOfDay, calendar);
  const id = student.studentId;

  const hours = hourSignals(student, days, input.state, asOf, calendar, profile);
  const fourWeek = fourWeekSignals(id, days, hours.state, asOfDay, calendar, profile);
  const sickness = sicknessSignals(id, days, fourWeek.state, asOf, calendar, profile);
  const frequent = frequentSignals(id, days, sickness.state, asOf, calendar, profile);

  const signals: Signal[] = [...hours.signals, ...fourWeek.signals, ...sickness.signals, ...frequent.signals];
  signals.sort(
    (a, b) =>
      (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
  return { signals, state: frequent.state };
}
