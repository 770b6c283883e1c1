import { describe, expect, it } from 'vitest';
import {
  type DaySummary,
  initialSignalState,
  NORM_PROFILES,
  type NormProfile,
  type Signal,
  type StudentSignalState,
} from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, sickDay, student, truant } from './fixtures';

const allLessonsMissed = (date: string) => truant(date, 480);

describe('WEB art. 8.1.8a – 4-weken melding (signaalverzuim)', () => {
  it('signals 4 consecutive school weeks absent from every lesson, across the autumn holiday', () => {
    const days = schoolDays('2026-10-05', '2026-11-06').map(allLessonsMissed);
    const [signal, ...more] = ofKind(evaluate(days, '2026-11-06').signals, 'signal4w');
    expect(more).toEqual([]);
    expect(signal).toMatchObject({
      id: 'stu-1:signal4w:2026-10-05',
      period: { from: '2026-10-05', to: '2026-11-06' },
      weeks: ['2026-10-05', '2026-10-12', '2026-10-26', '2026-11-02'],
    });
  });

  it('waits until the 4th week is over', () => {
    const days = schoolDays('2026-10-05', '2026-11-05').map(allLessonsMissed);
    expect(ofKind(evaluate(days, '2026-11-05').signals, 'signal4w')).toEqual([]);
  });

  it('does not signal again when an earlier, shorter streak lies before the signalled one', () => {
    const days = [
      ...schoolDays('2026-09-21', '2026-09-25').map(allLessonsMissed),
      day('2026-09-28'),
      ...schoolDays('2026-09-29', '2026-11-06').map(allLessonsMissed),
    ];
    const first = evaluate(days, '2026-11-06');
    expect(ofKind(first.signals, 'signal4w')).toHaveLength(1);
    expect(evaluate(days, '2026-11-06', { state: first.state }).signals).toEqual([]);
  });

  it('is broken by a single lesson attended', () => {
    const days = schoolDays('2026-10-05', '2026-11-06').map((d) =>
      d === '2026-10-14'
        ? day(d, { unauthorizedMinutes: 420, unauthorizedAbsentLessons: 7 })
        : allLessonsMissed(d),
    );
    expect(ofKind(evaluate(days, '2026-11-06').signals, 'signal4w')).toEqual([]);
  });

  it('signals a long absence once, however long it lasts and however often it is evaluated', () => {
    const days = schoolDays('2026-09-07', '2026-12-18').map(allLessonsMissed);
    const first = evaluate(days, '2026-11-06');
    expect(ofKind(first.signals, 'signal4w')).toHaveLength(1);
    const later = evaluate(days, '2026-12-18', { state: first.state });
    expect(ofKind(later.signals, 'signal4w')).toEqual([]);
  });
});

/** Evaluates on every calendar day from `from` to `to`, as the nightly run would, carrying the state. */
function dayByDay(days: readonly DaySummary[], from: string, to: string): Signal[] {
  const found: Signal[] = [];
  let state: StudentSignalState = initialSignalState;
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const result = evaluate(days, new Date(t).toISOString().slice(0, 10), { state });
    found.push(...result.signals);
    state = result.state;
  }
  return found;
}

/** Sick on one day, back at the lesson the next calendar day. */
const sickOnce = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return [sickDay(date), day(next.toISOString().slice(0, 10))];
};

// README "Sickness": a sickness lasts from its first sick day until the first day with lessons
// without sickness; school days without lessons for the student neither end it nor are skipped.
describe('Hoofdstuk 6 / bijlage 4 – Langdurige ziekmeldingen (from the 7th consecutive school day)', () => {
  it('signals sickness from the 7th consecutive school day, skipping the weekend and holiday', () => {
    // 13-16 Oct, then the autumn holiday, then 26-27 Oct: days 1-6; 28 Oct is day 7.
    const days = schoolDays('2026-10-13', '2026-10-28').map(sickDay);
    expect(ofKind(evaluate(days.slice(0, -1), '2026-10-27').signals, 'sick_long')).toEqual([]);
    const [signal] = ofKind(evaluate(days, '2026-10-28').signals, 'sick_long');
    expect(signal).toMatchObject({ period: { from: '2026-10-13', to: '2026-10-28' }, schoolDays: 7 });
  });

  it('does not signal the same sickness again while it lasts', () => {
    const days = schoolDays('2026-11-02', '2026-11-30').map(sickDay);
    const first = evaluate(days, '2026-11-10');
    expect(ofKind(first.signals, 'sick_long')).toHaveLength(1);
    expect(ofKind(evaluate(days, '2026-11-30', { state: first.state }).signals, 'sick_long')).toEqual([]);
  });

  it('counts school days, so a day without lessons in the timetable neither breaks nor hides the sickness', () => {
    const days = schoolDays('2026-11-02', '2026-11-10')
      .filter((d) => d !== '2026-11-04')
      .map(sickDay);
    const [signal] = ofKind(evaluate(days, '2026-11-10').signals, 'sick_long');
    expect(signal?.period).toEqual({ from: '2026-11-02', to: '2026-11-10' });
  });

  it('a BBL student with lessons on Tuesdays sick for 5 weeks gets one long-sickness signal and no repeated-sickness signal', () => {
    const tuesdays = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29'];
    const days = [day('2026-08-25'), ...tuesdays.map(sickDay), day('2026-10-06')];
    const once = evaluate(days, '2026-10-06');
    // Tuesday 1 September is school day 1; Wednesday 9 September, without lessons, is day 7.
    expect(ofKind(once.signals, 'sick_long')).toEqual([
      expect.objectContaining({
        id: 'stu-1:sick_long:2026-09-01',
        period: { from: '2026-09-01', to: '2026-09-09' },
        schoolDays: 7,
      }),
    ]);
    expect(ofKind(once.signals, 'sick_repeated')).toEqual([]);
    const stepped = dayByDay(days, '2026-08-25', '2026-10-06');
    expect(stepped.map((s) => [s.kind, s.detectedOn])).toEqual([['sick_long', '2026-09-09']]);
  });

  it('reaches the 7th school day on a day without lessons, and names that day to evaluate again', () => {
    const days = [day('2026-08-25'), sickDay('2026-09-01'), sickDay('2026-09-08')];
    const before = evaluate(days, '2026-09-08');
    expect(ofKind(before.signals, 'sick_long')).toEqual([]);
    expect(before.recheckOn).toBe('2026-09-09');
    const then = evaluate(days, '2026-09-09', { state: before.state });
    expect(ofKind(then.signals, 'sick_long').map((s) => s.period)).toEqual([
      { from: '2026-09-01', to: '2026-09-09' },
    ]);
    expect(then.recheckOn).toBeNull();
  });

  it('ends at the first day with lessons without sickness, however many school days without lessons lie before it', () => {
    // Sick on Tuesday, back on the next Tuesday: school days 1 to 5.
    const days = [day('2026-08-25'), sickDay('2026-09-01'), day('2026-09-08')];
    expect(evaluate(days, '2026-09-30').signals).toEqual([]);
  });

  it('counts a sickness across the autumn holiday as one; the holiday neither counts nor ends it', () => {
    // Lessons on Tuesdays and Wednesdays: sick Wednesday 14 October, next lesson Wednesday 28
    // October sick again. School days 14, 15, 16, 26, 27, 28 are days 1-6; Thursday 29 is day 7.
    const days = [day('2026-10-13'), sickDay('2026-10-14'), sickDay('2026-10-28'), day('2026-11-03')];
    expect(ofKind(evaluate(days, '2026-10-28').signals, 'sick_long')).toEqual([]);
    const result = evaluate(days, '2026-11-03');
    expect(ofKind(result.signals, 'sick_long').map((s) => s.period)).toEqual([
      { from: '2026-10-14', to: '2026-10-29' },
    ]);
    expect(ofKind(result.signals, 'sick_repeated')).toEqual([]);
  });

  it('starts again after a day back at school', () => {
    const days = [
      ...schoolDays('2026-11-02', '2026-11-06').map(sickDay),
      day('2026-11-09'),
      ...schoolDays('2026-11-10', '2026-11-16').map(sickDay),
    ];
    // The second sickness counts from Tuesday 10 November: day 6 on the 17th, day 7 on the 18th
    // (it lasts as long as no lesson without sickness is registered).
    expect(ofKind(evaluate(days, '2026-11-17').signals, 'sick_long')).toEqual([]);
    expect(ofKind(evaluate(days, '2026-11-18').signals, 'sick_long').map((s) => s.period)).toEqual([
      { from: '2026-11-10', to: '2026-11-18' },
    ]);
  });

  it('does not signal again when the days read start inside a long sickness already signalled', () => {
    const tuesdays = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29'];
    const days = [day('2026-08-25'), ...tuesdays.map(sickDay)];
    const first = evaluate(days, '2026-09-15');
    expect(ofKind(first.signals, 'sick_long')).toHaveLength(1);
    const window = days.filter((d) => d.date >= '2026-09-14');
    const later = evaluate(window, '2026-10-02', { state: first.state, daysFrom: '2026-09-14' });
    expect(later.signals).toEqual([]);
  });
});

describe('Hoofdstuk 6 / bijlage 4 – Meerdere ziekmeldingen (4 sick reports within 12 school weeks)', () => {
  const reports = ['2026-09-08', '2026-09-29', '2026-10-27', '2026-11-24'];

  it('4 separate sicknesses in 12 school weeks give one repeated-sickness signal', () => {
    const days = [day('2026-09-07'), ...reports.flatMap(sickOnce)];
    const [signal, ...more] = ofKind(evaluate(days, '2026-11-25').signals, 'sick_repeated');
    expect(more).toEqual([]);
    expect(signal).toMatchObject({ period: { from: '2026-09-08', to: '2026-11-24' }, sickReports: reports });
    expect(ofKind(evaluate(days.slice(0, 7), '2026-11-25').signals, 'sick_repeated')).toEqual([]);
    const stepped = dayByDay(days, '2026-09-07', '2026-11-25');
    expect(stepped.map((s) => [s.kind, s.detectedOn])).toEqual([['sick_repeated', '2026-11-24']]);
  });

  it('counts a long sickness once, and signals it as long sickness apart', () => {
    const long = [...schoolDays('2026-09-08', '2026-09-25').map(sickDay), day('2026-09-28')];
    const days = [day('2026-09-07'), ...long, ...['2026-10-06', '2026-10-27'].flatMap(sickOnce)];
    const three = evaluate(days, '2026-11-13');
    expect(ofKind(three.signals, 'sick_repeated')).toEqual([]);
    expect(ofKind(three.signals, 'sick_long').map((s) => s.period.from)).toEqual(['2026-09-08']);
    const four = evaluate([...days, ...sickOnce('2026-11-10')], '2026-11-13');
    expect(ofKind(four.signals, 'sick_repeated').map((s) => s.sickReports)).toEqual([
      ['2026-09-08', '2026-10-06', '2026-10-27', '2026-11-10'],
    ]);
    expect(ofKind(four.signals, 'sick_long')).toHaveLength(1);
  });

  it('counts a sickness across a weekend once', () => {
    // Friday and Monday sick, no lessons in between: one sick report each time.
    const days = [
      day('2026-09-10'),
      sickDay('2026-09-11'),
      sickDay('2026-09-14'),
      day('2026-09-15'),
      sickDay('2026-10-02'),
      sickDay('2026-10-05'),
      day('2026-10-06'),
      ...sickOnce('2026-10-27'),
    ];
    expect(ofKind(evaluate(days, '2026-11-13').signals, 'sick_repeated')).toEqual([]);
  });

  it('counts a sickness on the first day of the whole history, not on the first day of a trailing window', () => {
    const whole = [...sickOnce('2026-09-01'), ...reports.slice(1).flatMap(sickOnce)];
    expect(ofKind(evaluate(whole, '2026-11-25').signals, 'sick_repeated')).toHaveLength(1);
    expect(
      ofKind(evaluate(whole, '2026-11-25', { daysFrom: '2026-09-01' }).signals, 'sick_repeated'),
    ).toEqual([]);
    // A trailing window that opens with a day at school: the sickness after it is new.
    expect(
      ofKind(
        evaluate([day('2026-08-31'), ...whole], '2026-11-25', { daysFrom: '2026-08-31' }).signals,
        'sick_repeated',
      ),
    ).toHaveLength(1);
  });

  it('a sickness that started before the read window is no new sick report, even when the window opens on a day without lessons', () => {
    // BBL, lessons on Tuesdays; the window is read from Monday 7 September.
    const days = [...sickOnce('2026-09-08'), ...reports.slice(1).flatMap(sickOnce)];
    expect(ofKind(evaluate(days, '2026-11-25').signals, 'sick_repeated')).toHaveLength(1);
    expect(ofKind(evaluate(days, '2026-11-25', { daysFrom: '2026-09-07' }).signals, 'sick_repeated')).toEqual(
      [],
    );
  });

  it('takes days read from before the enrolment as the whole history', () => {
    const days = [...sickOnce('2026-09-08'), ...reports.slice(1).flatMap(sickOnce)];
    const enrolled = student({ enrolledFrom: '2026-09-08' });
    expect(
      ofKind(
        evaluate(days, '2026-11-25', { daysFrom: '2026-08-24', student: enrolled }).signals,
        'sick_repeated',
      ),
    ).toHaveLength(1);
  });

  it('counts a sickness of several days as one report', () => {
    const days = [
      day('2026-09-04'),
      ...schoolDays('2026-09-07', '2026-09-10').map(sickDay),
      day('2026-09-11'),
      ...['2026-10-27', '2026-11-10'].flatMap(sickOnce),
    ];
    expect(ofKind(evaluate(days, '2026-11-24').signals, 'sick_repeated')).toEqual([]);
  });

  it('does not count reports more than 12 school weeks apart', () => {
    const days = [
      day('2026-08-31'),
      ...['2026-09-01', '2026-09-29', '2026-10-27', '2026-12-01'].flatMap(sickOnce),
    ];
    expect(ofKind(evaluate(days, '2026-12-02').signals, 'sick_repeated')).toEqual([]);
  });
});

describe('Hoofdstuk 6 – Veelvuldig verzuim (default: 4 times within 4 school weeks)', () => {
  const late = (date: string, times = 1) =>
    day(date, { unauthorizedMinutes: 10 * times, unauthorizedLateOrEarly: times });

  it('signals the 4th late arrival or separate absence within 4 school weeks', () => {
    const days = [late('2026-11-02'), truant('2026-11-05', 60), late('2026-11-10', 2)];
    const [signal] = ofKind(evaluate(days, '2026-11-20').signals, 'frequent');
    expect(signal?.occurrences).toEqual(['2026-11-02', '2026-11-05', '2026-11-10', '2026-11-10']);
    expect(ofKind(evaluate(days.slice(0, 2), '2026-11-20').signals, 'frequent')).toEqual([]);
  });

  it('counts a continuous absence of several days once', () => {
    const days = schoolDays('2026-11-02', '2026-11-06').map((d) => truant(d, 480));
    expect(ofKind(evaluate(days, '2026-11-06').signals, 'frequent')).toEqual([]);
  });

  it('does not count an absence on the first school day of a trailing window, which may continue an earlier one', () => {
    const days = [truant('2026-11-02', 120), late('2026-11-03'), late('2026-11-04'), late('2026-11-05')];
    expect(ofKind(evaluate(days, '2026-11-20').signals, 'frequent')).toHaveLength(1);
    expect(ofKind(evaluate(days, '2026-11-20', { daysFrom: '2026-10-31' }).signals, 'frequent')).toEqual([]);
  });

  it('reads its numbers from the norm profile', () => {
    const strict: NormProfile = { ...(NORM_PROFILES.standard as NormProfile), frequentCount: 2 };
    const days = [late('2026-11-02'), late('2026-11-03')];
    expect(ofKind(evaluate(days, '2026-11-03', { profile: strict }).signals, 'frequent')).toHaveLength(1);
  });
});
