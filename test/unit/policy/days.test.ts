/**
 * The day summaries as the rules read them (signals/days.ts): whatever order the store hands them
 * over in, with stale duplicates of a date merged by the larger figure, only days up to asOf, only
 * days in school weeks.
 */
import { describe, expect, it } from 'vitest';
import type { DaySummary } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, sickDay, truant } from './fixtures';

const late = (date: string) => day(date, { unauthorizedMinutes: 10, unauthorizedLateOrEarly: 1 });

describe('Day table – order of the days does not matter', () => {
  it('finds the same 16-hour report when the days arrive newest first', () => {
    const days = [truant('2026-11-04', 480), truant('2026-11-03', 480), truant('2026-11-02', 120)];
    const [report, ...more] = ofKind(evaluate(days, '2026-11-04').signals, 'report16');
    expect(more).toEqual([]);
    expect(report?.period).toEqual({ from: '2026-11-02', to: '2026-11-04' });
    expect(report?.minutesByDay).toEqual([
      { date: '2026-11-02', minutes: 120 },
      { date: '2026-11-03', minutes: 480 },
      { date: '2026-11-04', minutes: 480 },
    ]);
    expect(report?.totalMinutes).toBe(1080);
  });

  it('counts 4 late arrivals handed over in shuffled order, listed oldest first', () => {
    const days = [late('2026-11-05'), late('2026-11-02'), late('2026-11-04'), late('2026-11-03')];
    const [signal] = ofKind(evaluate(days, '2026-11-05').signals, 'frequent');
    expect(signal?.period).toEqual({ from: '2026-11-02', to: '2026-11-05' });
    expect(signal?.occurrences).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
  });
});

describe('Day table – a whole term of days (more than the first scratch table holds)', () => {
  // Every school day from 24 Aug 2026 to 29 Jan 2027 with lessons, absent all day on Mon 25 and Tue 26 Jan.
  const term = schoolDays('2026-08-24', '2027-01-29').map((d) =>
    d === '2027-01-25' || d === '2027-01-26' ? truant(d, 480) : day(d),
  );

  it.each([
    ['oldest first', term],
    ['newest first', [...term].reverse()],
  ])('reports the 16 hours of 25-26 Jan 2027 from a term handed over %s', (_order, days) => {
    expect(days.length).toBeGreaterThan(64);
    const [report, ...more] = ofKind(evaluate(days, '2027-01-29').signals, 'report16');
    expect(more).toEqual([]);
    expect(report?.period).toEqual({ from: '2027-01-25', to: '2027-01-26' });
    expect(report?.totalMinutes).toBe(960);
  });
});

describe('Day table – a stale duplicate of a date never hides minutes', () => {
  it('counts a day once, with its larger figures, when an empty copy of it comes first', () => {
    const days = [truant('2026-11-02', 480), day('2026-11-03'), truant('2026-11-03', 480)];
    const [report] = ofKind(evaluate(days, '2026-11-03').signals, 'report16');
    expect(report?.totalMinutes).toBe(960);
    expect(report?.minutesByDay).toEqual([
      { date: '2026-11-02', minutes: 480 },
      { date: '2026-11-03', minutes: 480 },
    ]);
  });

  it('counts the day once when the same registration arrives twice (not 32 hours from 16)', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480), truant('2026-11-03', 480)];
    const [report] = ofKind(evaluate(days, '2026-11-03').signals, 'report16');
    expect(report?.totalMinutes).toBe(960);
  });

  it('counts a late arrival once when its day arrives twice in a row', () => {
    const days = [late('2026-11-02'), late('2026-11-03'), late('2026-11-03'), late('2026-11-04')];
    expect(ofKind(evaluate(days, '2026-11-06').signals, 'frequent')).toEqual([]);
  });

  it('keeps late arrivals and absences of a day whose copy was stored before the timetable was known', () => {
    const stale = (date: string): DaySummary => day(date, { lessons: 0 });
    const days = [
      stale('2026-11-02'),
      truant('2026-11-02', 120),
      stale('2026-11-03'),
      late('2026-11-03'),
      stale('2026-11-04'),
      late('2026-11-04'),
      stale('2026-11-05'),
      late('2026-11-05'),
    ];
    const result = evaluate(days, '2026-11-05');
    expect(ofKind(result.signals, 'frequent')[0]?.occurrences).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
    ]);
    // Nobody was sick: no sickness to follow up.
    expect(result.recheckOn).toBeNull();
    expect(ofKind(result.signals, 'sick_long')).toEqual([]);
  });

  it('keeps a sick report when a copy of the day without it comes first', () => {
    const days = [day('2026-11-06'), day('2026-11-09'), sickDay('2026-11-09'), sickDay('2026-11-10')];
    // Sick from Monday 9 Nov: the 7th school day is Tuesday 17 Nov.
    expect(evaluate(days, '2026-11-10').recheckOn).toBe('2026-11-17');
  });
});

describe('Day table – days after asOf and outside school weeks are not read', () => {
  it('does not count minutes registered after the evaluation date', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480), truant('2026-11-04', 480)];
    const result = evaluate(days, '2026-11-02');
    expect(result.signals.map((s) => [s.kind, s.period.to])).toEqual([['signal8', '2026-11-02']]);
    expect(result.state.reportedThrough).toBeNull();
  });

  it('does not count a late arrival at a lesson in the autumn holiday week', () => {
    const days = [late('2026-10-21'), late('2026-10-26'), late('2026-10-27'), late('2026-10-28')];
    expect(ofKind(evaluate(days, '2026-10-30').signals, 'frequent')).toEqual([]);
  });
});
