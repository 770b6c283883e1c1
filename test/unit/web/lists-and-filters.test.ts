import { beforeAll, describe, expect, it } from 'vitest';
import type * as Filter from '../../../web/src/lib/views/overview-filter.svelte';
import type * as Paged from '../../../web/src/lib/views/paged.svelte';
import { loadRunes } from './runes';

let PagedList: typeof Paged.PagedList;
let OverviewFilter: typeof Filter.OverviewFilter;
beforeAll(async () => {
  ({ PagedList } = await loadRunes<typeof Paged>('lib/views/paged.svelte.ts'));
  ({ OverviewFilter } = await loadRunes<typeof Filter>('lib/views/overview-filter.svelte.ts'));
});

describe('a paged list ("meer laden")', () => {
  it('appends the next page with the cursor the API gave and stops at the end', async () => {
    const asked: (string | null)[] = [];
    const list = new PagedList<number>((cursor) => {
      asked.push(cursor);
      return Promise.resolve(
        cursor === null ? { items: [1, 2], nextCursor: 'c2' } : { items: [3], nextCursor: null },
      );
    });
    await list.first();
    expect(list.items).toEqual([1, 2]);
    expect(list.hasMore).toBe(true);
    await list.more();
    expect(list.items).toEqual([1, 2, 3]);
    expect(list.hasMore).toBe(false);
    expect(asked).toEqual([null, 'c2']);
  });

  it('keeps the error for the page to show', async () => {
    const list = new PagedList<number>(() => Promise.reject(new Error('boom')));
    await list.first();
    expect((list.error as Error).message).toBe('boom');
    expect(list.loading).toBe(false);
  });
});

describe('the overviews filter', () => {
  it('builds the API path from kind, unit and period, leaving out what is empty', () => {
    const f = new OverviewFilter();
    expect(f.path()).toBe('/api/overviews/sixteen_hour');
    f.kind = 'sickness';
    f.unitId = 'team a';
    f.from = '2026-09-01';
    expect(f.path()).toBe('/api/overviews/sickness?unitId=team+a&from=2026-09-01');
    expect(f.csvPath()).toBe('/api/overviews/sickness/csv?unitId=team+a&from=2026-09-01');
  });

  it('flags a period that ends before it starts', () => {
    const f = new OverviewFilter();
    f.from = '2026-10-02';
    f.to = '2026-10-01';
    expect(f.invalidRange).toBe(true);
    f.to = '2026-10-02';
    expect(f.invalidRange).toBe(false);
  });
});
