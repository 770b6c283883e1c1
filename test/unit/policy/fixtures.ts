/** Small builders for policy tests: a student, and day summaries as the ingestion would build them. */
import { addDays, defaultCalendar } from '../../../shared/calendar';
import {
  type DaySummary,
  type EvaluateResult,
  evaluateStudent,
  type IsoDate,
  initialSignalState,
  type NormProfile,
  profileFor,
  type RegistrationFacts,
  type Signal,
  type StudentFacts,
  type StudentSignalState,
} from '../../../shared/policy';

export function student(overrides: Partial<StudentFacts> = {}): StudentFacts {
  return {
    studentId: 'stu-1',
    birthDate: '2010-03-15',
    teamId: 'team-1',
    coachId: 'coach-1',
    level: '2',
    pathway: 'BOL',
    routeX: false,
    startQualification: false,
    enrolledFrom: '2025-08-18',
    enrolledUntil: null,
    ...overrides,
  };
}

/** A day of `lessons` lessons of 60 minutes, of which `unauthorized` minutes were missed without authorization. */
export function day(date: IsoDate, fields: Partial<DaySummary> = {}): DaySummary {
  const lessons = fields.lessons ?? 8;
  return {
    date,
    lessons,
    lessonMinutes: lessons * 60,
    unauthorizedMinutes: 0,
    authorizedMinutes: 0,
    unauthorizedAbsentLessons: 0,
    unauthorizedLateOrEarly: 0,
    sick: false,
    ...fields,
  };
}

/** Absent without authorization from `minutes` minutes of lessons (whole lessons of 60 minutes). */
export function truant(date: IsoDate, minutes: number, lessons = 8): DaySummary {
  return day(date, {
    lessons,
    unauthorizedMinutes: minutes,
    unauthorizedAbsentLessons: Math.min(lessons, Math.ceil(minutes / 60)),
  });
}

export function sickDay(date: IsoDate): DaySummary {
  return day(date, { sick: true, authorizedMinutes: 480 });
}

/** Every school day from `from` to `to` inclusive, from the bundled calendar. */
export function schoolDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (defaultCalendar.isSchoolDay(d)) out.push(d);
  return out;
}

export function evaluate(
  days: readonly DaySummary[],
  asOf: IsoDate,
  options: {
    state?: StudentSignalState;
    student?: StudentFacts;
    profile?: NormProfile;
    daysFrom?: IsoDate;
  } = {},
): EvaluateResult {
  const s = options.student ?? student();
  return evaluateStudent({
    student: s,
    days,
    state: options.state ?? initialSignalState,
    asOf,
    calendar: defaultCalendar,
    profile: options.profile ?? profileFor(s),
    ...(options.daysFrom ? { daysFrom: options.daysFrom } : {}),
  });
}

export function ofKind<K extends Signal['kind']>(
  signals: readonly Signal[],
  kind: K,
): Extract<Signal, { kind: K }>[] {
  return signals.filter((s): s is Extract<Signal, { kind: K }> => s.kind === kind);
}

/** Every calendar day from `from` to `to` inclusive (the nightly run also runs in holidays). */
export function calendarDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Signals without the evaluation date, which naturally differs between runs; in id order. */
export function timeless<S extends Signal>(signals: readonly S[]): Omit<S, 'detectedOn'>[] {
  return signals
    .map(({ detectedOn: _ignored, ...rest }) => rest)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Evaluates every calendar day from `from` to `to` with the state the day before returned, as
 * the nightly run does: the signals found along the way (each checked to be found on its own
 * day) and the last state.
 */
export function stepDaily(
  evaluateOn: (asOf: IsoDate, state: StudentSignalState) => EvaluateResult,
  from: IsoDate,
  to: IsoDate,
  check: (signal: Signal, asOf: IsoDate) => void,
): { signals: Signal[]; state: StudentSignalState } {
  let state: StudentSignalState = initialSignalState;
  const signals: Signal[] = [];
  for (const asOf of calendarDays(from, to)) {
    const result = evaluateOn(asOf, state);
    for (const s of result.signals) check(s, asOf);
    signals.push(...result.signals);
    state = result.state;
  }
  return { signals, state };
}

/** One lesson missed on Tuesday 10 November 2026, 09:00-10:30, with no reason: override what a test is about. */
export function registration(overrides: Partial<RegistrationFacts> = {}): RegistrationFacts {
  return {
    registrationId: 'r-1',
    revision: 0,
    studentId: 'stu-1',
    date: '2026-11-10',
    start: '09:00',
    end: '10:30',
    status: 'absent',
    ...overrides,
  };
}
