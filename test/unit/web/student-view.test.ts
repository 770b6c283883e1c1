import { beforeAll, describe, expect, it } from 'vitest';
import type * as Module from '../../../web/src/lib/views/student.svelte';
import { loadRunes } from './runes';

let mod: typeof Module;
beforeAll(async () => {
  mod = await loadRunes<typeof Module>('lib/views/student.svelte.ts');
});

describe("the student page's breakdown", () => {
  it('splits the year into present, authorized and unauthorized shares of all minutes', () => {
    const shares = mod.shares({ presentMinutes: 3000, authorizedMinutes: 600, unauthorizedMinutes: 400 });
    expect(shares.map((s) => [s.key, s.percent])).toEqual([
      ['present', 75],
      ['authorized', 15],
      ['unauthorized', 10],
    ]);
  });

  it('shows zero shares, not NaN, for a student without registrations', () => {
    expect(
      mod.shares({ presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 }).map((s) => s.percent),
    ).toEqual([0, 0, 0]);
  });

  it('lists the weeks newest first in the table', () => {
    const week = (weekStart: string) => ({
      weekStart,
      presentMinutes: 0,
      authorizedMinutes: 0,
      unauthorizedMinutes: 0,
    });
    const view = new mod.StudentView({
      student: {
        studentId: 's',
        displayName: 'S',
        teamId: 't',
        coachId: 'c',
        level: '2',
        pathway: 'BOL',
        routeX: false,
      },
      weeks: [week('2026-09-07'), week('2026-09-14')],
      totals: { presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 },
      window: { from: null, to: null, unauthorizedMinutes: 0 },
      reports: [],
      signals: [],
    });
    expect(view.weeksNewestFirst.map((w) => w.weekStart)).toEqual(['2026-09-14', '2026-09-07']);
  });

  it('lists archived school years newest first, each with its weeks newest first, totals and kept-until date', () => {
    const week = (weekStart: string, unauthorizedMinutes: number) => ({
      weekStart,
      presentMinutes: 600,
      authorizedMinutes: 50,
      unauthorizedMinutes,
    });
    const totals = { presentMinutes: 1200, authorizedMinutes: 100, unauthorizedMinutes: 150 };
    const years = mod.archivedYears({
      years: [
        { schoolYear: '2023-24', weeks: [week('2023-09-04', 0)], totals },
        {
          schoolYear: '2024-25',
          archive: { lessons: 42, keptUntil: '2040-08-31' },
          weeks: [week('2024-09-02', 50), week('2024-09-09', 100)],
          totals,
        },
      ],
    });
    expect(years.map((y) => y.schoolYear)).toEqual(['2024-25', '2023-24']);
    expect(years[0]?.weeksNewestFirst.map((w) => [w.weekStart, w.unauthorizedMinutes])).toEqual([
      ['2024-09-09', 100],
      ['2024-09-02', 50],
    ]);
    expect(years[0]?.archive).toEqual({ lessons: 42, keptUntil: '2040-08-31' });
    expect(years[0]?.totals).toEqual(totals);
    // A year whose marker is not there (yet) still shows its weeks, without a date.
    expect(years[1]?.archive).toBeUndefined();
  });

  it('has no archived years for a student without any', () => {
    expect(mod.archivedYears({})).toEqual([]);
  });
});
