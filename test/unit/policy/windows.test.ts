/** Windows and counting at the legal edges: the 4-week run in school days, the rolling 16-hour window, DUO's 7-day limit. */
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar, fromDay, toDay } from '../../../shared/calendar';
import { initialSignalState, type Signal, type StudentSignalState } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, sickDay, truant } from './fixtures';

const allLessonsMissed = (date: string) => truant(date, 480);

/** The nightly run: every calendar day from `from` to `to`, carrying the state. */
function nightly(days: Parameters<typeof evaluate>[0], from: string, to: string): Signal[] {
  let state: StudentSignalState = initialSignalState;
  const found: Signal[] = [];
  for (let asOf = from; asOf <= to; asOf = addDays(asOf, 1)) {
    const result = evaluate(days, asOf, { state });
    found.push(...result.signals);
    state = result.state;
  }
  return found;
}

describe('4.2 – 4 weken aaneengesloten ongeoorloofd afwezig (20 school days)', () => {
  it('4.2: an absence starting on a Wednesday signals on its 20th school day', () => {
    // Wed 4 Nov .. Tue 1 Dec 2026: 3 + 5 + 5 + 5 + 2 school days.
    const days = schoolDays('2026-11-04', '2026-12-04').map(allLessonsMissed);
    expect(ofKind(evaluate(days, '2026-11-30').signals, 'signal4w')).toEqual([]);
    expect(ofKind(evaluate(days, '2026-12-01').signals, 'signal4w')).toEqual([
      {
        kind: 'signal4w',
        id: 'stu-1:signal4w:2026-11-04',
        studentId: 'stu-1',
        period: { from: '2026-11-04', to: '2026-12-01' },
        detectedOn: '2026-12-01',
        schoolDays: 20,
        weeks: ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'],
      },
    ]);
  });

  it('4.2: the nightly run finds it the evening of the 20th school day, once, however long the run lasts', () => {
    const days = schoolDays('2026-11-04', '2026-12-18').map(allLessonsMissed);
    const found = ofKind(nightly(days, '2026-11-04', '2026-12-31'), 'signal4w');
    expect(found.map((s) => [s.period.from, s.detectedOn])).toEqual([['2026-11-04', '2026-12-01']]);
  });

  it('4.2: the autumn holiday neither counts nor breaks the run', () => {
    // Wed 7 Oct: 3 + 5 school days, the holiday (17-25 Oct), then 5 + 5 + 2: Tue 10 Nov is day 20.
    const days = schoolDays('2026-10-07', '2026-11-13').map(allLessonsMissed);
    expect(ofKind(evaluate(days, '2026-11-09').signals, 'signal4w')).toEqual([]);
    expect(ofKind(evaluate(days, '2026-11-10').signals, 'signal4w')).toMatchObject([
      { period: { from: '2026-10-07', to: '2026-11-10' }, schoolDays: 20 },
    ]);
  });

  it('4.2: a school day without lessons for the student does not break the run and counts as a day of it', () => {
    // No lessons on Wednesdays (some registered as an empty day): still 20 school days on Fri 27 Nov.
    const days = schoolDays('2026-11-02', '2026-12-11').map((d) =>
      new Date(`${d}T00:00:00Z`).getUTCDay() === 3 ? day(d, { lessons: 0 }) : allLessonsMissed(d),
    );
    const withoutRows = days.filter((d) => d.lessons > 0);
    for (const input of [days, withoutRows]) {
      expect(ofKind(evaluate(input, '2026-11-26').signals, 'signal4w')).toEqual([]);
      expect(ofKind(evaluate(input, '2026-11-27').signals, 'signal4w')).toMatchObject([
        { period: { from: '2026-11-02', to: '2026-11-27' }, schoolDays: 20 },
      ]);
    }
  });

  it('4.2: a student with lessons on Mondays only who misses four Mondays is signalled after 4 school weeks', () => {
    const mondays = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'].map(allLessonsMissed);
    expect(ofKind(evaluate(mondays, '2026-11-26').signals, 'signal4w')).toEqual([]);
    const found = ofKind(nightly(mondays, '2026-11-02', '2026-12-04'), 'signal4w');
    expect(found.map((s) => [s.period.from, s.period.to, s.detectedOn])).toEqual([
      ['2026-11-02', '2026-11-27', '2026-11-27'],
    ]);
  });

  it('4.2: a 20th day that opens a week before its first lesson is found on that lesson day, period unchanged', () => {
    // Lessons Tuesday to Friday: Mon 30 Nov (day 20) has none, so it counts once Tue 1 Dec shows a lesson.
    const days = schoolDays('2026-11-03', '2026-12-04')
      .filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 1)
      .map(allLessonsMissed);
    const found = ofKind(nightly(days, '2026-11-03', '2026-12-04'), 'signal4w');
    expect(found.map((s) => [s.period.from, s.period.to, s.detectedOn])).toEqual([
      ['2026-11-03', '2026-11-30', '2026-12-01'],
    ]);
  });

  it('4.2: a school week without any lesson for the student (an internship week) neither counts nor breaks the run', () => {
    const days = schoolDays('2026-11-02', '2026-12-11')
      .filter((d) => d < '2026-11-16' || d > '2026-11-20')
      .map(allLessonsMissed);
    expect(ofKind(evaluate(days, '2026-12-11').signals, 'signal4w')).toMatchObject([
      {
        period: { from: '2026-11-02', to: '2026-12-04' },
        weeks: ['2026-11-02', '2026-11-09', '2026-11-23', '2026-11-30'],
      },
    ]);
  });

  it('4.2: a lesson attended, or a sick day, starts the count again', () => {
    for (const interruption of [day('2026-11-11'), sickDay('2026-11-11')]) {
      const days = schoolDays('2026-11-02', '2026-12-18').map((d) =>
        d === interruption.date ? interruption : allLessonsMissed(d),
      );
      // Counted again from Thu 12 Nov: 2 + 5 + 5 + 5 + 3 school days.
      expect(ofKind(evaluate(days, '2026-12-18').signals, 'signal4w')).toMatchObject([
        { period: { from: '2026-11-12', to: '2026-12-09' } },
      ]);
    }
  });

  it('4.2: a run crossing the Christmas holiday signals on its 20th school day in January', () => {
    // Mon 7 Dec .. Fri 18 Dec: 10 school days; 1 Jan is a public holiday inside the holiday.
    // From Mon 4 Jan: day 11, so day 20 is Fri 15 Jan.
    const days = schoolDays('2026-12-07', '2027-01-22').map(allLessonsMissed);
    expect(ofKind(evaluate(days, '2027-01-14').signals, 'signal4w')).toEqual([]);
    expect(ofKind(evaluate(days, '2027-01-15').signals, 'signal4w')).toMatchObject([
      { period: { from: '2026-12-07', to: '2027-01-15' } },
    ]);
  });

  it('4.2: a state stored by the week-based rule (a Monday of the run) keeps the run signalled', () => {
    const days = schoolDays('2026-10-05', '2026-12-18').map(allLessonsMissed);
    const stored: StudentSignalState = { ...initialSignalState, fourWeekThrough: '2026-11-02' };
    const later = evaluate(days, '2026-12-18', { state: stored });
    expect(ofKind(later.signals, 'signal4w')).toEqual([]);
    expect(later.state.fourWeekThrough).toBe('2026-12-18');
  });
});

describe('Lpw art. 21a – rolling window of 4 school weeks', () => {
  it('Lpw 21a: 16 hours across a Monday boundary in a rolling window is a report', () => {
    // Wed 2 Dec ends the window that starts the day after Wed 4 Nov: Thu 5 Nov is inside.
    const inside = evaluate([truant('2026-11-05', 480), truant('2026-12-02', 480)], '2026-12-02');
    expect(ofKind(inside.signals, 'report16')).toMatchObject([
      { period: { from: '2026-11-05', to: '2026-12-02' }, totalMinutes: 960, duoDeadline: '2026-12-09' },
    ]);
    // Wed 4 Nov itself lies 4 school weeks back: outside.
    const outside = evaluate([truant('2026-11-04', 480), truant('2026-12-02', 480)], '2026-12-02');
    expect(ofKind(outside.signals, 'report16')).toEqual([]);
  });

  it('Lpw 21a: the rolling window skips the Christmas holiday weeks', () => {
    // Tue 12 Jan 2027: 4 school weeks back (4 Jan, 14 Dec, 7 Dec, 30 Nov) is Tue 1 Dec.
    const inside = evaluate([truant('2026-12-02', 480), truant('2027-01-12', 480)], '2027-01-12');
    expect(ofKind(inside.signals, 'report16')).toMatchObject([
      { period: { from: '2026-12-02', to: '2027-01-12' } },
    ]);
    const outside = evaluate([truant('2026-12-01', 480), truant('2027-01-12', 480)], '2027-01-12');
    expect(ofKind(outside.signals, 'report16')).toEqual([]);
  });

  it('Lpw 21a: the window ending on a Friday is the 4 whole school weeks ending that week; in a holiday, the last school week ends it', () => {
    const start = (d: string) => fromDay(defaultCalendar.rollingWindowStartNumber(toDay(d), 4));
    expect(start('2026-11-27')).toBe('2026-10-31'); // Fri: from Saturday, so Mon 2 Nov is the first school day
    expect(start('2026-11-23')).toBe('2026-10-27'); // Mon: from Tue 4 school weeks back
    expect(start('2026-11-05')).toBe('2026-10-02'); // Thu: the autumn holiday week skipped, from Fri 2 Oct
    expect(start('2026-10-21')).toBe('2026-09-21'); // in the holiday: as the Sunday of 12-16 Oct
    expect(defaultCalendar.rollingWindowStartNumber(toDay('2025-08-27'), 4)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('Hoofdstuk 1: the 8-hour signal shares the rolling window', () => {
    const days = [truant('2026-11-05', 240), truant('2026-12-02', 240)];
    expect(ofKind(evaluate(days, '2026-12-02').signals, 'signal8')).toMatchObject([
      { period: { from: '2026-11-05', to: '2026-12-02' }, totalMinutes: 480 },
    ]);
    const apart = [truant('2026-11-04', 240), truant('2026-12-02', 240)];
    expect(ofKind(evaluate(apart, '2026-12-02').signals, 'signal8')).toEqual([]);
  });
});

describe('DUO 7-day limit – only while the student stays absent after the previous report', () => {
  it('DUO 7-day limit: a student who came back gets a new report on the day of the 16th hour', () => {
    const days = [
      truant('2026-11-02', 480),
      truant('2026-11-03', 480), // 16 hours: report
      day('2026-11-04'), // back at school
      truant('2026-11-05', 480),
      truant('2026-11-06', 480), // 16 new hours: a new report the same day
    ];
    const reports = ofKind(nightly(days, '2026-11-02', '2026-11-20'), 'report16');
    expect(reports.map((r) => [r.period.from, r.period.to, r.detectedOn, r.duoDeadline])).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-03', '2026-11-10'],
      ['2026-11-05', '2026-11-06', '2026-11-06', '2026-11-13'],
    ]);
    expect(evaluate(days, '2026-11-06').recheckOn).toBeNull();
  });

  it('DUO 7-day limit: a late arrival also ends the continuous absence', () => {
    const days = [
      truant('2026-11-02', 480),
      truant('2026-11-03', 480),
      day('2026-11-04', { unauthorizedMinutes: 10, unauthorizedLateOrEarly: 1 }),
      truant('2026-11-05', 480),
      truant('2026-11-06', 470),
    ];
    const reports = ofKind(evaluate(days, '2026-11-06').signals, 'report16');
    expect(reports.map((r) => r.period)).toEqual([
      { from: '2026-11-02', to: '2026-11-03' },
      { from: '2026-11-04', to: '2026-11-06' },
    ]);
  });

  it('DUO 7-day limit: a day without lessons does not end the continuous absence', () => {
    // Mon-Tue absent (report), no lessons on Wednesday, Thu-Fri absent: waits until Tue 10 Nov.
    const days = [
      truant('2026-11-02', 480),
      truant('2026-11-03', 480),
      truant('2026-11-05', 480),
      truant('2026-11-06', 480),
    ];
    const first = evaluate(days, '2026-11-06');
    expect(ofKind(first.signals, 'report16')).toHaveLength(1);
    expect(first.recheckOn).toBe('2026-11-10');
  });
});
