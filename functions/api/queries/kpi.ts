import type { KpiPage } from '../../../shared/api/kpi';
import { addDays, localDate, mondayOf } from '../../domain/dates';
import type { Store } from '../../store/client';
import { mapLimit } from '../../store/dynamo';
import { kpiHistory, latestKpiSnapshot } from '../../store/kpi-snapshots-repository';
import { listOrgUnits, type OrgUnit } from '../../store/org-units';

/** The KPI page: last night's figures per org unit and the institution's weekly trend. */

const TREND_WEEKS = 8;

const toTenth = (p: number | null | undefined) => (p == null ? null : Math.round(p * 10) / 10);

/** How deep a unit sits below the root (bounded, in case the data hold a cycle). */
function depthIn(units: readonly OrgUnit[]) {
  const depthOf = (id: string | null, seen = 0): number => {
    const u = units.find((x) => x.orgUnitId === id);
    return u?.parentId && seen < 10 ? 1 + depthOf(u.parentId, seen + 1) : 0;
  };
  return depthOf;
}

export async function kpiPage(store: Store, now: Date): Promise<KpiPage> {
  const today = localDate(now);
  const units = await listOrgUnits(store);
  const latest = await mapLimit(units, 8, (u) => latestKpiSnapshot(store, u.orgUnitId, today));
  const depthOf = depthIn(units);
  const asOf = latest.reduce<string | null>((acc, s) => (s && (!acc || s.date > acc) ? s.date : acc), null);
  const root = units.find((u) => u.parentId === null);
  const history = root
    ? await kpiHistory(store, root.orgUnitId, addDays(today, -7 * TREND_WEEKS), today)
    : [];
  // One point per week: the last snapshot of each week.
  const weekly = new Map<string, (typeof history)[number]>();
  for (const s of history) weekly.set(mondayOf(s.date), s);
  return {
    asOf,
    units: units.map((u, i) => {
      const s = latest[i];
      return {
        orgUnitId: u.orgUnitId,
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        depth: depthOf(u.orgUnitId),
        norm: s?.norm ?? 0,
        realised: s?.realisation ?? 0,
        percentage: toTenth(s?.percentage),
        colour: s?.colour ?? 'none',
        routeXNorm: s?.routeX?.norm ?? 0,
        routeXRealised: s?.routeX?.realisation ?? 0,
      };
    }),
    trend: [...weekly.values()].map((s) => ({ date: s.date, percentage: toTenth(s.percentage) })),
  };
}
