import { describe, expect, it } from 'vitest';
import {
  nextNightlyRun,
  nightlyDateFor,
  startScheduler,
  zonedInstant,
} from '../../../scripts/local/scheduler';

describe('the local nightly schedule', () => {
  it('runs at 05:30 Amsterdam time in winter (04:30 UTC)', () => {
    expect(nextNightlyRun(new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-11-29T04:30:00.000Z');
  });

  it('runs at 05:30 Amsterdam time in summer (03:30 UTC)', () => {
    expect(nextNightlyRun(new Date('2026-07-01T12:00:00Z')).toISOString()).toBe('2026-07-02T03:30:00.000Z');
  });

  it('runs later the same day when it is not yet 05:30 there', () => {
    expect(nextNightlyRun(new Date('2026-11-28T03:00:00Z')).toISOString()).toBe('2026-11-28T04:30:00.000Z');
    // Exactly at the run time the next one is a day later.
    expect(nextNightlyRun(new Date('2026-11-28T04:30:00Z')).toISOString()).toBe('2026-11-29T04:30:00.000Z');
  });

  it('keeps 05:30 local across the change to summer time (last Sunday of March)', () => {
    // Saturday evening before the change: the next run is Sunday 05:30 CEST, already summer time.
    expect(nextNightlyRun(new Date('2027-03-27T20:00:00Z')).toISOString()).toBe('2027-03-28T03:30:00.000Z');
    // From there the following run is Monday 05:30 CEST.
    expect(nextNightlyRun(new Date('2027-03-28T03:30:00Z')).toISOString()).toBe('2027-03-29T03:30:00.000Z');
  });

  it('keeps 05:30 local across the change to winter time (last Sunday of October)', () => {
    expect(nextNightlyRun(new Date('2026-10-24T20:00:00Z')).toISOString()).toBe('2026-10-25T04:30:00.000Z');
    // Between 02:00 and 03:00 local, which that night happens twice.
    expect(nextNightlyRun(new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-25T04:30:00.000Z');
    expect(nextNightlyRun(new Date('2026-10-25T01:30:00Z')).toISOString()).toBe('2026-10-25T04:30:00.000Z');
  });

  it('evaluates the day before the run, in school time', () => {
    expect(nightlyDateFor(new Date('2026-11-30T04:30:00Z'))).toBe('2026-11-29');
    expect(nightlyDateFor(new Date('2027-01-01T04:30:00Z'))).toBe('2026-12-31');
  });

  it('finds the instant of a local wall-clock time', () => {
    expect(zonedInstant('2026-12-14', '08:30').toISOString()).toBe('2026-12-14T07:30:00.000Z');
    expect(zonedInstant('2026-06-14', '08:30').toISOString()).toBe('2026-06-14T06:30:00.000Z');
  });

  it('calls the job with yesterday once the clock passes 05:30, then arms the next day', async () => {
    let clock = new Date('2026-11-30T04:29:59.990Z');
    const dates: string[] = [];
    const scheduler = startScheduler({ now: () => clock, run: async (date) => void dates.push(date) });
    expect(scheduler.nextRun().toISOString()).toBe('2026-11-30T04:30:00.000Z');
    clock = new Date('2026-11-30T04:30:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 50));
    scheduler.stop();
    expect(dates).toEqual(['2026-11-29']);
    expect(scheduler.nextRun().toISOString()).toBe('2026-12-01T04:30:00.000Z');
  });
});
