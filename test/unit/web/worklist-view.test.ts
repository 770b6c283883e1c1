import { beforeAll, describe, expect, it } from 'vitest';
import type * as Module from '../../../web/src/lib/views/worklist.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/worklist.svelte.ts');
});

describe("the worklist's filter", () => {
  it('asks the API for exactly the filters set, and the CSV for the same list', () => {
    const f = new mod.WorklistFilter({ kind: '', unitId: 'dep-tech', owner: 'mine' });
    expect(f.query('c1')).toEqual({ kind: '', unitId: 'dep-tech', owner: 'mine', cursor: 'c1' });
    expect(f.csvPath()).toBe('/api/worklist/csv?unitId=dep-tech&owner=mine');
  });

  it('puts a change into the URL, which the page opens with', () => {
    const f = new mod.WorklistFilter({ kind: '', unitId: '', owner: '' });
    expect(f.hash()).toBe('#/werklijst');
    f.kind = 'signal4w';
    f.owner = 'nobody';
    expect(f.hash()).toBe('#/werklijst?kind=signal4w&owner=nobody');
  });
});

describe('the worklist page', () => {
  it("has the front office's own title, and the attendance officer's for anyone who is one", () => {
    expect(mod.worklistTitle(['front_office'])).toBe('worklist.frontOfficeTitle');
    expect(mod.worklistTitle(['attendance_officer'])).toBe('worklist.title');
    expect(mod.worklistTitle(['attendance_officer', 'front_office'])).toBe('worklist.title');
  });

  it('offers as owners only colleagues of the task’s role', () => {
    const colleagues = [
      { staffId: 'vb-1', name: 'Olaf', roles: ['attendance_officer' as const] },
      { staffId: 'fo-1', name: 'Fenna', roles: ['front_office' as const] },
    ];
    expect(mod.ownersFor({ role: 'front_office' }, colleagues).map((c) => c.staffId)).toEqual(['fo-1']);
  });
});
