/**
 * Section 4.2 – 4 weken aaneengesloten ongeoorloofd afwezig: 20 consecutive school days on which
 * every lesson was missed without authorization.
 */
import { describe, expect, it } from 'vitest';
import { initialSignalState } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, truant } from './fixtures';

const missed = (date: string) => truant(date, 480);

describe('4-weken signaal – a school week without any lesson (internship week)', () => {
  it('skips the internship week: it neither counts nor breaks the run', () => {
    const days = [
      ...schoolDays('2026-11-02', '2026-11-20').map(missed),
      ...schoolDays('2026-11-23', '2026-11-27').map((d) => day(d, { lessons: 0 })),
      ...schoolDays('2026-11-30', '2026-12-04').map(missed),
    ];
    const signals = ofKind(evaluate(days, '2026-12-04').signals, 'signal4w');
    expect(signals.map((s) => [s.period, s.weeks, s.schoolDays])).toEqual([
      [
        { from: '2026-11-02', to: '2026-12-04' },
        ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-30'],
        20,
      ],
    ]);
  });
});

describe('4-weken signaal – one signal per run', () => {
  it('does not signal a run again from a state stored when it held a Monday of the run', () => {
    const state = { ...initialSignalState, fourWeekThrough: '2026-11-02' };
    const days = schoolDays('2026-11-02', '2026-11-27').map(missed);
    const result = evaluate(days, '2026-11-27', { state });
    expect(ofKind(result.signals, 'signal4w')).toEqual([]);
    expect(result.state.fourWeekThrough).toBe('2026-11-27');
  });
});
