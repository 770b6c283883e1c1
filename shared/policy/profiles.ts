/**
 * Norm profiles: the thresholds of the signal rules as data (`data/norm-profiles.json`), so a
 * school changes them without code. `standard` is the statutory norm; `route-x` is the
 * school's own, internal norm for Route-X students (footnote to sections 4.1 and 4.2: the legal
 * 16-hour and 4-week rules do not apply to them), whose reports never go to DUO.
 */
import data from './data/norm-profiles.json';
import type { StudentFacts } from './types';

export interface NormProfile {
  id: string;
  name: { nl: string; en: string };
  /**
   * Whether the Leerplichtwet's rules apply. False (Route-X): the hour figures below are the
   * school's internal thresholds (an internal report to the coach, never to DUO), and there is
   * no 4-week signal, whatever `fourWeekWeeks` says.
   */
  legalRules: boolean;
  /** 16-hour report: unauthorized minutes within `windowWeeks` school weeks. */
  reportMinutes: number;
  /** 8-hour signal to the student, once per counting period. */
  signalMinutes: number;
  windowWeeks: number;
  /** DUO: for continuous absence at most one report per this many calendar days. */
  minDaysBetweenReports: number;
  /** Working days after the report's end date by which it must be made. */
  reportDueWorkingDays: number;
  /** 4-week signal: this many consecutive school weeks absent from every registered lesson (legal rules only). */
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

/** The norm profiles in force: the bundled ones, or the administrator's edit of them (stored). */
export type NormProfiles = Readonly<Record<string, NormProfile>>;

function profile(profiles: NormProfiles, id: string): NormProfile {
  const p = profiles[id];
  if (!p) throw new Error(`Norm profile ${id} is missing from the norm profiles`);
  // An internal norm sent to DUO would be a legal report on a non-legal basis.
  if (!p.legalRules && p.reportToDuo)
    throw new Error(`Norm profile ${id}: an internal norm cannot report to DUO`);
  return p;
}

profile(NORM_PROFILES, 'standard');
profile(NORM_PROFILES, 'route-x');

export function profileFor(
  s: Pick<StudentFacts, 'routeX'>,
  profiles: NormProfiles = NORM_PROFILES,
): NormProfile {
  return profile(profiles, s.routeX ? 'route-x' : 'standard');
}
