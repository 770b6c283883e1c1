/** Small builders for policy tests: a student, and day summaries as the ingestion would build them. */
import { defaultCalendar } from '../../../shared/calendar';
import {
  type DaySummary,
  type EvaluateResult,
  evaluateStudent,
  type IsoDate,
  initialSignalState,
  type NormProfile,
  profileFor,
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
  for (let d = from; d <= to; d = nextDate(d)) if (defaultCalendar.isSchoolDay(d)) out.push(d);
  return out;
}

function nextDate(d: IsoDate): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
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
