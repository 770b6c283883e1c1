/**
 * evaluateStudent as the nightly run uses it: the state it carries over, the order of the signals
 * it returns, the day on which to evaluate again, and the trailing window (`daysFrom`).
 */
import { describe, expect, it } from 'vitest';
import { initialSignalState, type StudentSignalState } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, sickDay, student, truant } from './fixtures';

const late = (date: string) => day(date, { unauthorizedMinutes: 10, unauthorizedLateOrEarly: 1 });

describe('Signal state – carried over between nights', () => {
  it('returns every stored field unchanged when there is nothing new, without touching the stored object', () => {
    const stored: StudentSignalState = {
      reportedThrough: '2026-10-06',
      reportMadeOn: '2026-10-08',
      signal8Through: '2026-10-02',
      fourWeekThrough: '2026-09-25',
      sickRepeatedThrough: '2026-09-14',
      sickLongThrough: '2026-09-18',
      frequentThrough: '2026-10-01',
      suspensionCheckThrough: '2026-09-30',
    };
    const copy = { ...stored };
    const result = evaluate([], '2026-11-20', { state: stored });
    expect(result.state).toEqual(copy);
    expect(result.state).not.toBe(stored);
    expect(stored).toEqual(copy);
    expect(result.signals).toEqual([]);
  });

  it('reads a state stored before reportMadeOn existed: the last report was made on its last day', () => {
    const old = {
      reportedThrough: '2026-10-06',
      signal8Through: null,
      fourWeekThrough: null,
      sickRepeatedThrough: null,
      sickLongThrough: null,
      frequentThrough: null,
    } as StudentSignalState;
    expect(evaluate([], '2026-11-20', { state: old }).state).toEqual({
      ...initialSignalState,
      reportedThrough: '2026-10-06',
      reportMadeOn: '2026-10-06',
    });
  });

  it('keeps the 7-day limit of an old state without reportMadeOn: continuing absence is reported 7 days after it', () => {
    // A report up to Tuesday 3 Nov was made that day (old state: only reportedThrough).
    const old = {
      reportedThrough: '2026-11-03',
      signal8Through: '2026-11-02',
      fourWeekThrough: null,
      sickRepeatedThrough: null,
      sickLongThrough: null,
      frequentThrough: null,
    } as StudentSignalState;
    const days = schoolDays('2026-11-02', '2026-11-05').map((d) => truant(d, 480));
    const waiting = evaluate(days, '2026-11-06', { state: old });
    expect(ofKind(waiting.signals, 'report16')).toEqual([]);
    expect(waiting.recheckOn).toBe('2026-11-10');
  });
});

describe('Signals – in the order of their last day', () => {
  it('lists a frequent-absence signal ending 5 Nov before a long sickness reaching its 7th day on 17 Nov', () => {
    const days = [
      ...['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map(late),
      day('2026-11-06'),
      ...schoolDays('2026-11-09', '2026-11-17').map(sickDay),
    ];
    const { signals } = evaluate(days, '2026-11-17');
    expect(signals.map((s) => [s.kind, s.period.to])).toEqual([
      ['frequent', '2026-11-05'],
      ['sick_long', '2026-11-17'],
    ]);
  });

  it('lists the 8-hour signal before the 16-hour report when one day of 16 lessons reaches both (Mon 2 Nov)', () => {
    const { signals } = evaluate([truant('2026-11-02', 960, 16)], '2026-11-02');
    expect(signals.map((s) => [s.kind, s.period.to])).toEqual([
      ['signal8', '2026-11-02'],
      ['report16', '2026-11-02'],
    ]);
  });

  it('lists 8-hour signals and 16-hour reports by their last day', () => {
    const days = schoolDays('2026-11-02', '2026-11-05').map((d) => truant(d, 480));
    const { signals } = evaluate(days, '2026-11-10');
    expect(signals.map((s) => [s.kind, s.period.to])).toEqual([
      ['signal8', '2026-11-02'],
      ['report16', '2026-11-03'],
      // The report restarts the count: a new 8-hour signal on Wednesday.
      ['signal8', '2026-11-04'],
      ['report16', '2026-11-05'],
    ]);
  });
});

describe('recheckOn – the earlier of a waiting report and a sickness reaching its 7th school day', () => {
  it('names the day the waiting 16-hour report is made when the sickness reaches 7 days later', () => {
    // Absent Mon-Thu (report on Tuesday, the next 16 hours wait until 10 Nov), sick from Friday:
    // the sickness reaches its 7th school day on Monday 16 Nov.
    const days = [
      ...schoolDays('2026-11-02', '2026-11-05').map((d) => truant(d, 480)),
      sickDay('2026-11-06'),
    ];
    expect(evaluate(days, '2026-11-06').recheckOn).toBe('2026-11-10');
  });

  it('names the 7th school day of a sickness when no report is waiting', () => {
    // Lessons on Mondays only: sick on 2 Nov, 7th school day Tuesday 10 Nov.
    const days = [day('2026-10-26'), sickDay('2026-11-02')];
    expect(evaluate(days, '2026-11-04').recheckOn).toBe('2026-11-10');
  });
});

describe('daysFrom – a trailing window of the history', () => {
  it('does not count an absence on the first school day of the window when the window opens on a day without lessons', () => {
    // Read from Saturday 31 Oct; the first lesson day is Monday 2 Nov, the window's first school day.
    const days = [
      day('2026-10-31', { lessons: 0 }),
      truant('2026-11-02', 120),
      late('2026-11-03'),
      late('2026-11-04'),
      late('2026-11-05'),
    ];
    expect(ofKind(evaluate(days, '2026-11-06', { daysFrom: '2026-10-31' }).signals, 'frequent')).toEqual([]);
  });

  it('counts an absence on the first lesson day when that is after the window’s first school day (no lessons on Monday)', () => {
    const days = [
      day('2026-11-02', { lessons: 0 }),
      truant('2026-11-03', 120),
      late('2026-11-04'),
      late('2026-11-05'),
      late('2026-11-06'),
    ];
    const [signal] = ofKind(evaluate(days, '2026-11-06', { daysFrom: '2026-11-02' }).signals, 'frequent');
    expect(signal?.occurrences).toEqual(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
  });

  it('counts the first sick report when the days are read from the enrolment date (the whole history)', () => {
    const enrolled = student({ enrolledFrom: '2026-11-02' });
    const sickOnce = (date: string, next: string) => [sickDay(date), day(next)];
    const days = [
      ...sickOnce('2026-11-02', '2026-11-03'),
      ...sickOnce('2026-11-09', '2026-11-10'),
      ...sickOnce('2026-11-16', '2026-11-17'),
      ...sickOnce('2026-11-23', '2026-11-24'),
    ];
    const [signal] = ofKind(
      evaluate(days, '2026-11-24', { student: enrolled, daysFrom: '2026-11-02' }).signals,
      'sick_repeated',
    );
    expect(signal?.sickReports).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });
});
