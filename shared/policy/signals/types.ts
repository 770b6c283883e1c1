/** What the signal rules produce, and what they remember between evaluations. */
import type { IsoDate, Minutes } from '../types';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

interface SignalBase {
  /** Deterministic: `${studentId}:${kind}:${period.from}`, so storage can use conditional puts. */
  id: string;
  studentId: string;
  period: Period;
  /** The evaluation date (asOf) on which the signal was found. */
  detectedOn: IsoDate;
}

export interface DayMinutes {
  date: IsoDate;
  minutes: Minutes;
}

/** 16-hour report (Leerplichtwet art. 21a), to the coach; from there possibly to DUO. */
export interface Report16 extends SignalBase {
  kind: 'report16';
  profileId: string;
  /** The unauthorized minutes counted, per day with any, oldest first. */
  minutesByDay: DayMinutes[];
  totalMinutes: Minutes;
  /** The coach's term: `reportDueWorkingDays` working days after `period.to` (or the day it may be made). */
  dueDate: IsoDate;
  /** DUO's legal term: 5 working days after the same day (`DUO_REPORT_WORKING_DAYS`). */
  duoDeadline: IsoDate;
  /** False for Route-X: the school's own norm, never sent to DUO. */
  reportToDuo: boolean;
  /** Who DUO routes the report to on `period.to` (null: no legal report applies). */
  duoRecipient: 'LPA' | 'RMC' | null;
}

/** 8-hour signal, mailed to the student. */
export interface Signal8 extends SignalBase {
  kind: 'signal8';
  minutesByDay: DayMinutes[];
  totalMinutes: Minutes;
}

/**
 * Absent without authorization from every lesson on `fourWeekWeeks * 5` consecutive school days
 * (days without lessons skipped), from `period.from` to the day the count was reached.
 */
export interface FourWeekSignal extends SignalBase {
  kind: 'signal4w';
  /** School days counted: the threshold. */
  schoolDays: number;
  /** Mondays of the school weeks the counted days fall in (5 when the run starts mid-week). */
  weeks: IsoDate[];
}

/** Sick reported `sickRepeatedCount` times within `sickRepeatedWindowWeeks` school weeks. */
export interface SickRepeated extends SignalBase {
  kind: 'sick_repeated';
  /** First day of each sick report counted. */
  sickReports: IsoDate[];
}

/** Sick for `sickLongDays` consecutive school days. */
export interface SickLong extends SignalBase {
  kind: 'sick_long';
  schoolDays: number;
}

/** Separate unauthorized absences or late arrivals, `frequentCount` times in `frequentWindowWeeks` weeks. */
export interface FrequentAbsence extends SignalBase {
  kind: 'frequent';
  /** Dates with an occurrence (a date repeats once per late arrival that day). */
  occurrences: IsoDate[];
}

/**
 * A suspension registered beyond 5 school days (policy ch. 3): a task for the attendance officer
 * to check the data, never a report. `period` holds the days over the limit found so far.
 */
export interface SuspensionCheck extends SignalBase {
  kind: 'suspension_check';
}

export type Signal =
  | Report16
  | Signal8
  | FourWeekSignal
  | SickRepeated
  | SickLong
  | FrequentAbsence
  | SuspensionCheck;
export type SignalKind = Signal['kind'];

/**
 * What was already signalled, per rule: plain JSON, stored per student. Every field is the last
 * date already covered, so minutes, weeks or sick reports on or before it are never counted
 * again, whatever date the next evaluation runs on.
 */
export interface StudentSignalState {
  /** `to` of the last 16-hour report: DUO counting restarts the day after it. */
  reportedThrough: IsoDate | null;
  /**
   * The day the last 16-hour report was made (its `to`, or later when it waited for the 7-day
   * limit). Optional only for states stored before it existed.
   */
  reportMadeOn?: IsoDate | null;
  /** `to` of the last 8-hour signal. */
  signal8Through: IsoDate | null;
  /**
   * Last missed day of a 4-week run already signalled (followed while the run lasts). States
   * stored before runs were counted in days hold a Monday of the run: read the same way.
   */
  fourWeekThrough: IsoDate | null;
  /** First day of the last sick report counted in a sick_repeated signal. */
  sickRepeatedThrough: IsoDate | null;
  /** Last sick day of a long sickness already signalled (extended while it lasts). */
  sickLongThrough: IsoDate | null;
  /** Last occurrence counted in a frequent-absence signal. */
  frequentThrough: IsoDate | null;
  /**
   * Last day over a suspension's 5-day limit already given to the attendance officer (extended
   * while the stretch lasts). Optional only for states stored before it existed.
   */
  suspensionCheckThrough?: IsoDate | null;
}

export const initialSignalState: StudentSignalState = Object.freeze({
  reportedThrough: null,
  reportMadeOn: null,
  signal8Through: null,
  fourWeekThrough: null,
  sickRepeatedThrough: null,
  sickLongThrough: null,
  frequentThrough: null,
  suspensionCheckThrough: null,
});
