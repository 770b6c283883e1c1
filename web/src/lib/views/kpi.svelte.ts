import type { KpiPage, KpiUnit } from '../../../../shared/api/kpi';

/** The units in tree order (parent before children, siblings by name), each with its depth. */
export function treeOrder(units: readonly KpiUnit[]): KpiUnit[] {
  const ids = new Set(units.map((u) => u.orgUnitId));
  const children = new Map<string | null, KpiUnit[]>();
  for (const u of units) {
    // A unit whose parent is not visible (a manager's own department) is a root of this view.
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const out: KpiUnit[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const u of list) {
      out.push({ ...u, depth });
      walk(u.orgUnitId, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function percentText(p: number | null): string {
  return p === null ? '–' : `${Math.round(p * 10) / 10} %`;
}

/** The KPI page's state: which unit's open reports are shown. */
export class KpiView {
  page: KpiPage;
  rows = $derived.by(() => treeOrder(this.page.units));
  trendLabels = $derived.by(() => this.page.trend.map((p) => p.date));
  trendValues = $derived.by(() => this.page.trend.map((p) => p.percentage));

  constructor(page: KpiPage) {
    this.page = $state(page);
  }
}
