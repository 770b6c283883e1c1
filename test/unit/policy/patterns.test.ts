import { describe, expect, it } from 'vitest';
import { NORM_PROFILES, type NormProfile } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, sickDay, truant } from './fixtures';

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

describe('Hoofdstuk 6 – Langdurige ziekmeldingen', () => {
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

  it('does not bridge three school days without any registration', () => {
    const days = [...schoolDays('2026-11-02', '2026-11-04'), ...schoolDays('2026-11-10', '2026-11-16')].map(
      sickDay,
    );
    expect(ofKind(evaluate(days, '2026-11-13').signals, 'sick_long')).toEqual([]);
    expect(ofKind(evaluate(days, '2026-11-18').signals, 'sick_long')).toEqual([]);
  });

  it('starts again after a day back at school', () => {
    const days = [
      ...schoolDays('2026-11-02', '2026-11-06').map(sickDay),
      day('2026-11-09'),
      ...schoolDays('2026-11-10', '2026-11-16').map(sickDay),
    ];
    const [signal] = ofKind(evaluate(days, '2026-11-20').signals, 'sick_long');
    expect(signal).toBeUndefined();
  });
});

describe('Hoofdstuk 6 – Meerdere ziekmeldingen', () => {
  const reports = ['2026-09-08', '2026-09-29', '2026-10-27', '2026-11-24'];

  it('signals the 4th sick report within 12 school weeks', () => {
    const days = [day('2026-09-07'), ...reports.map(sickDay)];
    const [signal] = ofKind(evaluate(days, '2026-11-24').signals, 'sick_repeated');
    expect(signal).toMatchObject({ period: { from: '2026-09-08', to: '2026-11-24' }, sickReports: reports });
    expect(ofKind(evaluate(days.slice(0, 4), '2026-11-24').signals, 'sick_repeated')).toEqual([]);
  });

  it('counts a sickness on the first day of the whole history, not on the first day of a trailing window', () => {
    const days = reports.slice(1).map(sickDay);
    const whole = [sickDay('2026-09-01'), ...days];
    expect(ofKind(evaluate(whole, '2026-11-24').signals, 'sick_repeated')).toHaveLength(1);
    expect(
      ofKind(evaluate(whole, '2026-11-24', { daysFrom: '2026-09-01' }).signals, 'sick_repeated'),
    ).toEqual([]);
    // A trailing window whose first school day had no sickness: the sickness after it is new.
    expect(
      ofKind(evaluate(whole, '2026-11-24', { daysFrom: '2026-08-31' }).signals, 'sick_repeated'),
    ).toHaveLength(1);
  });

  it('counts a sickness of several days as one report', () => {
    const days = [
      day('2026-09-04'),
      ...schoolDays('2026-09-07', '2026-09-10').map(sickDay),
      sickDay('2026-10-27'),
      sickDay('2026-11-10'),
    ];
    expect(ofKind(evaluate(days, '2026-11-24').signals, 'sick_repeated')).toEqual([]);
  });

  it('does not count reports more than 12 school weeks apart', () => {
    const days = [
      day('2026-08-31'),
      ...['2026-09-01', '2026-09-29', '2026-10-27', '2026-12-01'].map(sickDay),
    ];
    expect(ofKind(evaluate(days, '2026-12-01').signals, 'sick_repeated')).toEqual([]);
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
