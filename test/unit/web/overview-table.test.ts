import { beforeAll, describe, expect, it } from 'vitest';
import type { OverviewRow } from '../../../shared/api/overviews';
import type * as Table from '../../../web/src/lib/views/overview-table.svelte';
import { loadRunes } from './runes';

let mod: typeof Table;
beforeAll(async () => {
  mod = await loadRunes<typeof Table>('lib/views/overview-table.svelte.ts');
});

const row = (name: string, team: string, percentage: number, minutes: number | null): OverviewRow => ({
  student: { studentId: name, displayName: name, teamId: `id-${team}`, coachId: 'c' },
  teamName: team,
  date: '2026-11-20',
  detail: `${percentage} %`,
  percentage,
  minutes,
  routeX: false,
});
const rows = [
  row('Tess', 'Zorg B', 39.5, 90),
  row('Anna', 'Techniek A', 100, null),
  row('Bram', 'ICT', 7.25, 15),
];

describe('the overview table', () => {
  it('shows percentages in the notation of the dashboard language: "39,5 %" in Dutch', () => {
    expect(mod.formatPercent('nl', 39.5)).toBe('39,5 %');
    expect(mod.formatPercent('en', 39.5)).toBe('39.5 %');
    expect(mod.formatPercent('nl', 1234.56)).toBe('1.234,6 %');
    expect(mod.detailText(rows[0] as OverviewRow, 'nl', (t) => t)).toBe('39,5 %');
    expect(
      mod.detailText(
        { ...(rows[0] as OverviewRow), percentage: undefined, detail: 'signal4w' },
        'nl',
        (t) => `[${t}]`,
      ),
    ).toBe('[signal4w]');
  });

  it('sorts by a column header: ascending, then descending, announcing it with aria-sort', () => {
    const sort = new mod.OverviewSort();
    expect(sort.ariaSort('team')).toBe('none');
    expect(sort.sorted(rows, 'nl').map((r) => r.student.displayName)).toEqual(['Tess', 'Anna', 'Bram']);
    sort.toggle('team');
    expect(sort.ariaSort('team')).toBe('ascending');
    expect(sort.ariaSort('student')).toBe('none');
    expect(sort.sorted(rows, 'nl').map((r) => r.teamName)).toEqual(['ICT', 'Techniek A', 'Zorg B']);
    sort.toggle('team');
    expect(sort.ariaSort('team')).toBe('descending');
    expect(sort.sorted(rows, 'nl').map((r) => r.teamName)).toEqual(['Zorg B', 'Techniek A', 'ICT']);
  });

  it('sorts numbers as numbers and puts empty cells last', () => {
    const sort = new mod.OverviewSort();
    sort.toggle('detail');
    expect(sort.sorted(rows, 'nl').map((r) => r.percentage)).toEqual([7.25, 39.5, 100]);
    sort.toggle('minutes');
    expect(sort.sorted(rows, 'nl').map((r) => r.minutes)).toEqual([15, 90, null]);
    sort.toggle('minutes');
    expect(sort.sorted(rows, 'nl').map((r) => r.minutes)).toEqual([90, 15, null]);
  });
});
