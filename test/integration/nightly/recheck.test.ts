import { describe, expect, it } from 'vitest';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { startedForEachTest } from '../../support/started';
import { coachEmail, day, startHarness } from './harness';

const h = startedForEachTest(startHarness);

const periods = async () => (await listOpenReports(h.table, 'team-ict')).map((r) => [r.from, r.to]);

describe('a 16-hour report held back by the 7-day limit', () => {
  it('is made on the 7th day after the previous report even when no registration arrives after the absence', async () => {
    await h.student('s-rik');
    // Absent all week, delivered and evaluated day by day (8 hours a day).
    for (const date of ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11']) {
      await h.deliver(...day('s-rik', date));
      await h.nightly(date);
    }
    // First report on Tuesday 8 Sep; counting restarts on Wednesday and reaches 16 hours on
    // Thursday, but DUO takes at most one report per 7 calendar days: it waits until 15 Sep.
    expect(await periods()).toEqual([['2026-09-07', '2026-09-08']]);

    // Nothing more is delivered. Monday: still too early, and the student is not read at all.
    const monday = await h.nightly('2026-09-14');
    expect(monday.candidates).toBe(0);
    expect(await periods()).toEqual([['2026-09-07', '2026-09-08']]);

    // Tuesday 15 Sep: the held-back report is made, with all absence up to then joined in.
    const tuesday = await h.nightly('2026-09-15');
    expect(tuesday.evaluated).toBe(1);
    const open = await listOpenReports(h.table, 'team-ict');
    expect(open.map((r) => [r.from, r.to, r.createdOn, r.unauthorizedMinutes])).toEqual([
      ['2026-09-07', '2026-09-08', '2026-09-08', 960],
      ['2026-09-09', '2026-09-11', '2026-09-15', 1440],
    ]);
    const toCoach = await h.mailsTo(coachEmail);
    expect(toCoach.filter((m) => m.subject.includes('16-uursmelding'))).toHaveLength(2);

    // Made once: the student leaves the recheck index, and a later run reads no one.
    const wednesday = await h.nightly('2026-09-16');
    expect(wednesday.candidates).toBe(0);
    expect(await listOpenReports(h.table, 'team-ict')).toHaveLength(2);
  });
});
