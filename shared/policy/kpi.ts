/**
 * The KPI of appendix 3, per organisational unit: norm = 16-hour reports sent to coaches in the
 * last 28 school days, realisation = how many of those the coaches handled, rolled up from teams
 * to departments to the institution. Green above 90 %, orange 80-90 %, red below 80 %.
 * Route-X reports (the school's internal norm, not the law's 16 hours) are not in it: they are
 * counted apart, in the same window and tree, without a colour (`routeXCounts`).
 */
import type { SchoolCalendar } from '../calendar/calendar';
import type { IsoDate } from './types';

export const KPI_SCHOOL_DAYS = 28;

export type KpiColour = 'green' | 'orange' | 'red' | 'none';

export interface KpiFigures {
  norm: number;
  realisation: number;
  /** Unrounded; null when no reports were due (nothing to measure). */
  percentage: number | null;
  colour: KpiColour;
}

export interface KpiUnit {
  id: string;
  parentId: string | null;
  kind: 'institution' | 'department' | 'team';
  name: string;
}

export interface KpiReport {
  id: string;
  teamId: string;
  createdOn: IsoDate;
  handled: boolean;
  /** A report on the internal Route-X norm: outside the legal KPI. */
  routeX?: boolean;
}

export interface KpiCounts {
  norm: number;
  realisation: number;
}

export function kpiColour(pct: number | null): KpiColour {
  if (pct === null || Number.isNaN(pct)) return 'none';
  if (pct > 90) return 'green';
  if (pct >= 80) return 'orange';
  return 'red';
}

/** The dates the KPI looks at: from the first of the last 28 school days up to and including asOf. */
export function kpiWindow(calendar: SchoolCalendar, asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  const days = calendar.lastSchoolDays(asOf, KPI_SCHOOL_DAYS);
  return { from: days[0] ?? asOf, to: asOf };
}

/** Counts the window's reports per unit, each report also in every unit above its team. */
function rollUp(
  units: readonly KpiUnit[],
  reports: readonly KpiReport[],
  window: { from: IsoDate; to: IsoDate },
): Map<string, KpiCounts> {
  const { from, to } = window;
  const parent = new Map<string, string | null>();
  const counts = new Map<string, KpiCounts>();
  for (const u of units) {
    parent.set(u.id, u.parentId);
    counts.set(u.id, { norm: 0, realisation: 0 });
  }
  const seen = new Set<string>();
  for (const r of reports) {
    if (r.createdOn < from || r.createdOn > to || seen.has(r.id)) continue;
    seen.add(r.id);
    // Walk up the tree; the visited set guards against a cycle in bad data.
    const visited = new Set<string>();
    let unit: string | null | undefined = r.teamId;
    while (unit != null && !visited.has(unit)) {
      visited.add(unit);
      const c = counts.get(unit);
      if (!c) break;
      c.norm++;
      if (r.handled) c.realisation++;
      unit = parent.get(unit);
    }
  }
  return counts;
}

interface KpiInput {
  units: readonly KpiUnit[];
  reports: readonly KpiReport[];
  calendar: SchoolCalendar;
  asOf: IsoDate;
}

/** The legal KPI: 16-hour reports only; a Route-X report is never in its norm. */
export function computeKpi(input: KpiInput): Map<string, KpiFigures> {
  const legal = input.reports.filter((r) => !r.routeX);
  const counts = rollUp(input.units, legal, kpiWindow(input.calendar, input.asOf));
  const out = new Map<string, KpiFigures>();
  for (const [id, c] of counts) {
    const percentage = c.norm === 0 ? null : (c.realisation / c.norm) * 100;
    out.set(id, { norm: c.norm, realisation: c.realisation, percentage, colour: kpiColour(percentage) });
  }
  return out;
}

/**
 * The Route-X reports in the same window, sent and handled per unit: shown beside the KPI, never
 * coloured by its thresholds (those are the law's norm for 16-hour reports).
 */
export function routeXCounts(input: KpiInput): Map<string, KpiCounts> {
  const internal = input.reports.filter((r) => r.routeX === true);
  return rollUp(input.units, internal, kpiWindow(input.calendar, input.asOf));
}
