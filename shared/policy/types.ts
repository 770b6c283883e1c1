/**
 * The vocabulary the policy engine speaks. Everything here is plain data: no AWS, no clock.
 * Field names follow the presence system's webhook contract (../shared/contract) so that
 * an incoming event maps onto these types without translation.
 */

/** A calendar date `YYYY-MM-DD` in the school's local time (Europe/Amsterdam). */
export type IsoDate = string;
/** A local time `HH:MM`. */
export type LocalTime = string;
/** Whole minutes. Never rounded before display. */
export type Minutes = number;

export type RegistrationStatus = 'present' | 'absent' | 'late' | 'left_early';

export const REASONS = [
  'unknown',
  'truancy',
  'day_off',
  'sick',
  'long_term_illness',
  'pregnancy',
  'doubtful_sickness',
  'medical_appointment',
  'leave',
  'special_leave',
  'wedding_or_funeral',
  'suspension',
  'driving_exam',
  'driving_lesson',
  'authority_appointment',
  'internship_activity',
  'optician',
  'late_transport',
  'transport_disruption',
  'severe_weather',
] as const;
export type Reason = (typeof REASONS)[number];

export interface Notice {
  channel: 'phone' | 'email' | 'desk' | 'none';
  reportedBy: 'student' | 'parent' | 'coach' | 'front_office' | 'employer';
  proof: boolean;
  approvedBy?: 'coach' | 'manager';
  beforeExam?: boolean;
}

/** One student's presence at one lesson or guidance hour, as the contract delivers it. */
export interface RegistrationFacts {
  registrationId: string;
  revision: number;
  studentId: string;
  date: IsoDate;
  start: LocalTime;
  end: LocalTime;
  status: RegistrationStatus;
  minutesMissed?: number;
  reason?: Reason;
  notice?: Notice;
  decision?: 'authorized' | 'unauthorized';
}

export type Level = 'entree' | '2' | '3' | '4';

/** What the policy needs to know about a student. */
export interface StudentFacts {
  studentId: string;
  birthDate: IsoDate;
  teamId: string;
  coachId: string;
  level: Level;
  pathway: 'BOL' | 'BBL';
  routeX: boolean;
  startQualification: boolean;
  enrolledFrom: IsoDate;
  enrolledUntil?: IsoDate | null;
}

/** How one registration counts. `kind` decides which total its minutes go to. */
export type AbsenceKind = 'present' | 'authorized' | 'unauthorized';

export interface Classification {
  kind: AbsenceKind;
  /** Minutes not attended: the lesson's length for `absent`, `minutesMissed` for late/left early, 0 if present. */
  minutesMissed: Minutes;
  /** Length of the lesson from start to end. */
  lessonMinutes: Minutes;
  /** Stable id of the rule that decided, e.g. `sick.phone`; see `rules.ts` for texts in Dutch and English. */
  ruleId: string;
  /** The absence was reported as sickness (whatever the verdict), for the sickness patterns. */
  sick: boolean;
}

/**
 * Everything the signal rules need about one student on one school day. Built incrementally
 * at ingestion from the classified registrations of that day, so the nightly run never reads
 * raw registrations.
 */
export interface DaySummary {
  date: IsoDate;
  /** Registered lessons and guidance hours on this day. */
  lessons: number;
  lessonMinutes: Minutes;
  unauthorizedMinutes: Minutes;
  authorizedMinutes: Minutes;
  /** Lessons missed entirely without authorization. */
  unauthorizedAbsentLessons: number;
  /** Late arrivals and early departures without authorization. */
  unauthorizedLateOrEarly: number;
  /** Sickness was reported for at least one lesson on this day. */
  sick: boolean;
  /**
   * A lesson on this day was registered as suspension beyond its 5th school day (policy ch. 3):
   * authorized, but the attendance officer checks the data. Set only when true.
   */
  suspensionOverLimit?: boolean;
}
