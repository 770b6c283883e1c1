/**
 * Norm profiles: the thresholds of the signal rules as data (`data/norm-profiles.json`), so a
 * school changes them without code. `standard` is the statutory norm; `route-x` is the
 * school's own norm for Route-X students, whose reports never go to DUO.
 */
import data from './data/norm-profiles.json';
import type { StudentFacts } from './types';

export interface NormProfile {
  id: string;
  name: { nl: string; en: string };
  /** 16-hour report: unauthorized minutes within `windowWeeks` school weeks. */
  reportMinutes: number;
  /** 8-hour signal to the student, once per counting period. */
  signalMinutes: number;
  windowWeeks: number;
  /** DUO: for continuous absence at most one report per this many calendar days. */
  minDaysBetweenReports: number;
  /** Working days after the report's end date by which it must be made. */
  reportDueWorkingDays: number;
  /** 4-week signal: this many consecutive school weeks absent from every registered lesson. */
  fourWeekWeeks: number;
  /** Sick reported this many times ... */
  sickRepeatedCount: number;
  /** ... within this many school weeks. */
  sickRepeatedWindowWeeks: number;
  /** Sick from this consecutive school day on. */
  sickLongDays: number;
  /** Frequent absence: this many separate unauthorized absences or late arrivals ... */
  frequentCount: number;
  /** ... within this many school weeks. */
  frequentWindowWeeks: number;
  reportToDuo: boolean;
}

export const NORM_PROFILES: Record<string, NormProfile> = data satisfies Record<string, NormProfile>;

function profile(id: string): NormProfile {
  const p = NORM_PROFILES[id];
  if (!p) throw new Error(`Norm profile ${id} is missing from norm-profiles.json`);
  return p;
}

const STANDARD = profile('standard');
const ROUTE_X = profile('route-x');

export function profileFor(s: Pick<StudentFacts, 'routeX'>): NormProfile {
  return s.routeX ? ROUTE_X : STANDARD;
}
