/**
 * "Bijna 8 uur" / "bijna 16 uur" (#13, Mijn studenten; Lpw art. 21a, appendix 2): the count of the
 * rolling 4-school-week window the nightly run keeps, and the marks close to its thresholds.
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import {
  currentCount,
  initialSignalState,
  NEAR_REPORT_MINUTES,
  NEAR_SIGNAL_MINUTES,
  NORM_PROFILES,
} from '../../../shared/policy';
import { truant } from './fixtures';

const standard = NORM_PROFILES.standard as (typeof NORM_PROFILES)[string];
const routeX = NORM_PROFILES['route-x'] as (typeof NORM_PROFILES)[string];
const count = (
  days: ReturnType<typeof truant>[],
  today: string,
  state = initialSignalState,
  profile = standard,
) => currentCount(defaultCalendar, days, state, today, profile);

describe('the current count (16-hour window)', () => {
  it('adds the unauthorized minutes of the 4 school weeks ending today', () => {
    // Fri 27 Nov 2026: the window runs from the day after Fri 30 Oct; 26 Oct lies before it.
    const days = [truant('2026-10-26', 240), truant('2026-11-02', 120), truant('2026-11-27', 60)];
    expect(count(days, '2026-11-27')).toMatchObject({ from: '2026-10-31', to: '2026-11-27', minutes: 180 });
  });

  it('restarts the day after the last 16-hour report', () => {
    const days = [truant('2026-11-10', 300), truant('2026-11-11', 300), truant('2026-11-12', 120)];
    const state = { ...initialSignalState, reportedThrough: '2026-11-11' };
    expect(count(days, '2026-11-13', state)).toMatchObject({ from: '2026-11-12', minutes: 120 });
  });
});

describe('bijna 8 uur / bijna 16 uur', () => {
  it(`marks "bijna 8 uur" from ${NEAR_SIGNAL_MINUTES} minutes below the 8-hour signal, not at it`, () => {
    expect(count([truant('2026-11-25', 480 - NEAR_SIGNAL_MINUTES)], '2026-11-27').marks).toEqual(['near8']);
    expect(count([truant('2026-11-25', 480 - NEAR_SIGNAL_MINUTES - 1)], '2026-11-27').marks).toEqual([]);
    expect(count([truant('2026-11-25', 480)], '2026-11-27').marks).toEqual([]);
  });

  it('does not mark "bijna 8 uur" when this counting period already had its 8-hour signal', () => {
    const state = { ...initialSignalState, signal8Through: '2026-11-24' };
    const result = count([truant('2026-11-24', 420)], '2026-11-27', state);
    expect(result.signal8Sent).toBe(true);
    expect(result.marks).toEqual([]);
  });

  it(`marks "bijna 16 uur" from ${NEAR_REPORT_MINUTES} minutes below the report, not at it`, () => {
    const days = [truant('2026-11-23', 480), truant('2026-11-24', 480 - NEAR_REPORT_MINUTES)];
    const state = { ...initialSignalState, signal8Through: '2026-11-23' };
    expect(count(days, '2026-11-27', state).marks).toEqual(['near16']);
    expect(count([...days, truant('2026-11-25', NEAR_REPORT_MINUTES)], '2026-11-27', state).marks).toEqual(
      [],
    );
  });

  it("uses a Route-X student's own, lower norm", () => {
    expect(
      count([truant('2026-11-25', routeX.signalMinutes - 60)], '2026-11-27', initialSignalState, routeX)
        .marks,
    ).toEqual(['near8']);
  });
});
