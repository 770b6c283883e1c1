/**
 * Hoofdstuk 6 – Veelvuldig verzuim: 4 separate occurrences (late arrivals, early departures, new
 * unauthorized absences) within 4 school weeks (norm profile `frequentCount`, `frequentWindowWeeks`).
 * Autumn holiday 2026: 17 to 25 October, so the school weeks around it are the weeks of
 * 5 Oct, 12 Oct, 26 Oct, 2 Nov, 9 Nov.
 */
import { describe, expect, it } from 'vitest';
import { initialSignalState } from '../../../shared/policy';
import { day, evaluate, ofKind, truant } from './fixtures';

const late = (date: string, times = 1) =>
  day(date, { unauthorizedMinutes: 10 * times, unauthorizedLateOrEarly: times });

const frequent = (days: Parameters<typeof evaluate>[0], asOf: string, options = {}) =>
  ofKind(evaluate(days, asOf, options).signals, 'frequent');

describe('Veelvuldig verzuim – the window of 4 school weeks', () => {
  it('signals 4 late arrivals from the Monday of the 1st school week to the Friday of the 4th, across the autumn holiday', () => {
    const days = [late('2026-10-05'), late('2026-10-12'), late('2026-10-26'), late('2026-11-06')];
    expect(frequent(days, '2026-11-06')).toEqual([
      {
        kind: 'frequent',
        id: 'stu-1:frequent:2026-10-05',
        studentId: 'stu-1',
        period: { from: '2026-10-05', to: '2026-11-06' },
        detectedOn: '2026-11-06',
        occurrences: ['2026-10-05', '2026-10-12', '2026-10-26', '2026-11-06'],
      },
    ]);
  });

  it('does not signal 4 late arrivals spread over 5 school weeks', () => {
    const days = [late('2026-10-09'), late('2026-10-12'), late('2026-10-26'), late('2026-11-09')];
    expect(frequent(days, '2026-11-13')).toEqual([]);
  });

  it('keeps an occurrence on the Monday that opens the window while older ones slide out', () => {
    const days = [
      late('2026-10-05'),
      late('2026-10-12'),
      late('2026-10-26'),
      late('2026-11-02'),
      late('2026-11-09'),
    ];
    // 5 Oct to 2 Nov signals first; the 5th late arrival alone signals nothing more.
    const [signal, ...more] = frequent(days, '2026-11-13');
    expect(signal?.occurrences).toEqual(['2026-10-05', '2026-10-12', '2026-10-26', '2026-11-02']);
    expect(more).toEqual([]);
    // Without the first one, the window of the week of 9 Nov opens on Monday 12 Oct and holds 4.
    const [later] = frequent(days.slice(1), '2026-11-13');
    expect(later?.period).toEqual({ from: '2026-10-12', to: '2026-11-09' });
    expect(later?.occurrences).toEqual(['2026-10-12', '2026-10-26', '2026-11-02', '2026-11-09']);
  });

  it('needs 4 new occurrences for a second signal, all after the first signal', () => {
    const dates = [
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
    ];
    const signals = frequent(
      dates.map((d) => late(d)),
      '2026-11-11',
    );
    expect(signals.map((s) => s.occurrences)).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'],
      ['2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11'],
    ]);
    expect(
      frequent(
        dates.slice(0, 7).map((d) => late(d)),
        '2026-11-10',
      ),
    ).toHaveLength(1);
  });

  it('after a stored signal, counts only occurrences from the day after it (evaluated night by night)', () => {
    const days = [
      late('2026-11-02'),
      late('2026-11-03'),
      late('2026-11-04'),
      late('2026-11-05'),
      late('2026-11-06'),
      late('2026-11-09'),
      late('2026-11-10'),
      late('2026-11-11'),
    ];
    const first = evaluate(days.slice(0, 4), '2026-11-05');
    expect(first.state.frequentThrough).toBe('2026-11-05');
    expect(frequent(days.slice(0, 7), '2026-11-10', { state: first.state })).toEqual([]);
    const [second, ...more] = frequent(days, '2026-11-11', { state: first.state });
    expect(more).toEqual([]);
    expect(second?.id).toBe('stu-1:frequent:2026-11-06');
    expect(second?.occurrences).toEqual(['2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11']);
  });

  it('keeps frequentThrough from the stored state when there is nothing to count', () => {
    const state = { ...initialSignalState, frequentThrough: '2026-11-05' };
    expect(evaluate([], '2026-11-20', { state }).state.frequentThrough).toBe('2026-11-05');
  });
});

describe('Veelvuldig verzuim – what counts as a new absence', () => {
  it('counts an absence on the very first day read when it is not continuing anything', () => {
    const days = [
      truant('2026-11-02', 120),
      truant('2026-11-03', 480),
      late('2026-11-04'),
      late('2026-11-05'),
    ];
    const [signal] = frequent(days, '2026-11-05');
    expect(signal?.occurrences).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
  });

  it('counts two whole days of truancy in a row as one absence', () => {
    const days = [
      truant('2026-11-02', 480),
      truant('2026-11-03', 480),
      late('2026-11-04'),
      late('2026-11-05'),
    ];
    expect(frequent(days, '2026-11-06')).toEqual([]);
  });

  it('does not let a day without lessons between two whole days of truancy split them', () => {
    const days = [
      truant('2026-11-02', 480),
      day('2026-11-03', { lessons: 0 }),
      truant('2026-11-04', 480),
      late('2026-11-05'),
      late('2026-11-06'),
    ];
    expect(frequent(days, '2026-11-06')).toEqual([]);
  });

  it('counts an absence again after a day on which only part of the lessons was missed', () => {
    const days = [
      truant('2026-11-02', 120),
      truant('2026-11-03', 120),
      truant('2026-11-04', 120),
      late('2026-11-05'),
    ];
    expect(frequent(days, '2026-11-05')[0]?.occurrences).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
    ]);
  });
});
