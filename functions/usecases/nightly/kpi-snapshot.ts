import { computeKpi, type KpiReport, routeXCounts } from '../../../shared/policy';
import { kpiWindow } from '../../../shared/policy/kpi';
import { putKpiSnapshot } from '../../store/kpi-snapshots-repository';
import { listTeamReports } from '../../store/reports-repository';
import { dateItemExpiry } from '../../store/retention';
import type { Directory, NightlyDeps } from './ports';

/** The reports the KPI of `asOf` looks at (its window), each marked handled or not, and Route-X or not. */
async function kpiReports(deps: NightlyDeps, teamIds: readonly string[], asOf: string) {
  const { from } = kpiWindow(deps.calendar, asOf);
  const reports: KpiReport[] = [];
  const unhandled = new Map<string, string[]>();
  for (const teamId of teamIds) {
    const lists = await Promise.all([
      listTeamReports(deps.store, teamId, 'open', from),
      listTeamReports(deps.store, teamId, 'handled', from),
    ]);
    for (const [i, list] of lists.entries()) {
      const handled = i === 1;
      for (const r of list.filter((x) => x.createdOn <= asOf)) {
        const { reportId: id, createdOn, routeX } = r;
        reports.push({ id, teamId: r.teamId, createdOn, handled, routeX });
        // The drill-down's ids are the legal KPI's: a Route-X report is not in its norm.
        if (!handled && !routeX) unhandled.set(teamId, [...(unhandled.get(teamId) ?? []), id]);
      }
    }
  }
  return { reports, unhandled };
}

/** One KPI snapshot per org unit as of the run's date; history is kept by date for the trend. */
export async function snapshotKpi(deps: NightlyDeps, directory: Directory, asOf: string) {
  const units = directory.orgUnits;
  const teamIds = units.filter((u) => u.kind === 'team').map((u) => u.id);
  const { reports, unhandled } = await kpiReports(deps, teamIds, asOf);
  const input = { units, reports, calendar: deps.calendar, asOf };
  const figures = computeKpi(input);
  const internal = routeXCounts(input);
  // Unhandled ids roll up like the counts, so a unit's drill-down needs no further query.
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const rolled = new Map<string, string[]>();
  for (const [teamId, ids] of unhandled) {
    let unit: string | null | undefined = teamId;
    const seen = new Set<string>();
    while (unit && !seen.has(unit)) {
      seen.add(unit);
      rolled.set(unit, [...(rolled.get(unit) ?? []), ...ids]);
      unit = parent.get(unit);
    }
  }
  // About a date, not a student (only report ids): kept RETENTION_YEARS after that date.
  const expiresAt = dateItemExpiry(asOf, deps.config.retentionYears);
  for (const [orgUnitId, f] of figures) {
    await putKpiSnapshot(
      deps.store,
      {
        orgUnitId,
        date: asOf,
        norm: f.norm,
        realisation: f.realisation,
        percentage: f.percentage,
        colour: f.colour,
        unhandled: rolled.get(orgUnitId) ?? [],
        routeX: internal.get(orgUnitId) ?? { norm: 0, realisation: 0 },
      },
      expiresAt,
    );
  }
  return figures.size;
}
