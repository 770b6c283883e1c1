import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiUnit } from '../../../shared/api/kpi';
import type * as Module from '../../../web/src/lib/views/kpi.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/kpi.svelte.ts');
});

const unit = (orgUnitId: string, name: string, parentId: string | null, kind: KpiUnit['kind']): KpiUnit => ({
  orgUnitId,
  name,
  parentId,
  kind,
  depth: 0,
  norm: 10,
  realised: 9,
  percentage: 90,
  colour: 'orange',
  routeXNorm: 0,
  routeXRealised: 0,
});

describe('the KPI tree', () => {
  it('lists the institution, then each department followed by its teams, alphabetically', () => {
    const rows = mod.treeOrder([
      unit('t2', 'Zorg B', 'd2', 'team'),
      unit('d1', 'Techniek', 'i', 'department'),
      unit('t1', 'Techniek A', 'd1', 'team'),
      unit('i', 'De Leijgraaf', null, 'institution'),
      unit('d2', 'Zorg', 'i', 'department'),
    ]);
    expect(rows.map((r) => `${'-'.repeat(r.depth)}${r.name}`)).toEqual([
      'De Leijgraaf',
      '-Techniek',
      '--Techniek A',
      '-Zorg',
      '--Zorg B',
    ]);
  });

  it("starts a manager's view at their own department when the institution is not visible", () => {
    const rows = mod.treeOrder([
      unit('t1', 'Techniek A', 'd1', 'team'),
      unit('d1', 'Techniek', 'i', 'department'),
    ]);
    expect(rows.map((r) => [r.name, r.depth])).toEqual([
      ['Techniek', 0],
      ['Techniek A', 1],
    ]);
  });

  it('shows a missing percentage as a dash rather than zero', () => {
    expect(mod.percentText(null)).toBe('–');
    expect(mod.percentText(63.888)).toBe('63.9 %');
  });

  it('derives the trend series from the page it holds', () => {
    const view = new mod.KpiView({
      asOf: '2026-11-27',
      units: [],
      trend: [
        { date: '2026-11-20', percentage: 50 },
        { date: '2026-11-27', percentage: 75 },
      ],
    });
    expect(view.trendValues).toEqual([50, 75]);
    view.page = { ...view.page, trend: [{ date: '2026-11-28', percentage: 100 }] };
    expect(view.trendLabels).toEqual(['2026-11-28']);
  });
});
