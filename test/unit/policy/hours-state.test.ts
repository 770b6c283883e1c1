/**
 * The 8-hour signal and the 16-hour report (Lpw art. 21a) read from a stored state: the count
 * restarts after a report, and DUO's 7-day limit counts from the day the last report was made.
 */
import { describe, expect, it } from 'vitest';
import { initialSignalState, type StudentSignalState } from '../../../shared/policy';
import { evaluate, ofKind, truant } from './fixtures';

describe('8-uurs signaal – once per counting period', () => {
  it('signals 8 new hours after a report whose last day also held the previous 8-hour signal', () => {
    const state: StudentSignalState = {
      ...initialSignalState,
      reportedThrough: '2026-11-03',
      reportMadeOn: '2026-11-03',
      signal8Through: '2026-11-03',
    };
    const signals = evaluate([truant('2026-11-09', 480)], '2026-11-09', { state }).signals;
    expect(signals).toEqual([
      {
        kind: 'signal8',
        id: 'stu-1:signal8:2026-11-09',
        studentId: 'stu-1',
        period: { from: '2026-11-09', to: '2026-11-09' },
        detectedOn: '2026-11-09',
        minutesByDay: [{ date: '2026-11-09', minutes: 480 }],
        totalMinutes: 480,
      },
    ]);
  });

  it('signals 8 hours on the first day after a report, on that day', () => {
    const days = ['2026-11-02', '2026-11-03', '2026-11-04'].map((d) => truant(d, 480));
    const signals = ofKind(evaluate(days, '2026-11-04').signals, 'signal8');
    expect(signals.map((s) => s.period)).toEqual([
      { from: '2026-11-02', to: '2026-11-02' },
      { from: '2026-11-04', to: '2026-11-04' },
    ]);
  });
});

describe('16-uursmelding – 7 days after the day the last report was made', () => {
  it('counts the limit from reportMadeOn, not from the last day of the previous report', () => {
    // The last report covered up to Thursday 5 Nov and was made on Tuesday 10 Nov. Lessons only
    // on Wednesday and Thursday: absent again 11 and 12 Nov, without coming back in between.
    const state: StudentSignalState = {
      ...initialSignalState,
      reportedThrough: '2026-11-05',
      reportMadeOn: '2026-11-10',
      signal8Through: '2026-11-04',
    };
    const days = [truant('2026-11-11', 480), truant('2026-11-12', 480)];
    const result = evaluate(days, '2026-11-12', { state });
    expect(ofKind(result.signals, 'report16')).toEqual([]);
    expect(result.recheckOn).toBe('2026-11-17');
    const [report] = ofKind(evaluate(days, '2026-11-17', { state }).signals, 'report16');
    expect(report?.period).toEqual({ from: '2026-11-11', to: '2026-11-12' });
  });
});
