import { describe, expect, it } from 'vitest';
import { NORM_PROFILES } from '../../../shared/policy';
import { day, evaluate, ofKind, schoolDays, student, truant } from './fixtures';

describe('Leerplichtwet art. 21a – 16-uursmelding', () => {
  it('does not report 959 unauthorized minutes within 4 school weeks', () => {
    const { signals } = evaluate([truant('2026-11-02', 480), truant('2026-11-12', 479)], '2026-11-20');
    expect(ofKind(signals, 'report16')).toEqual([]);
  });

  it('reports exactly 960 minutes, from the first day counted to the day of the 16th hour', () => {
    const { signals } = evaluate(
      [day('2026-11-02'), truant('2026-11-03', 480), day('2026-11-04'), truant('2026-11-12', 480)],
      '2026-11-20',
    );
    const [report] = ofKind(signals, 'report16');
    expect(report).toMatchObject({
      id: 'stu-1:report16:2026-11-03',
      period: { from: '2026-11-03', to: '2026-11-12' },
      totalMinutes: 960,
      minutesByDay: [
        { date: '2026-11-03', minutes: 480 },
        { date: '2026-11-12', minutes: 480 },
      ],
      dueDate: '2026-11-16', // the coach: 2 working days after the end date
      duoDeadline: '2026-11-19', // DUO: 5 working days after the end date
      reportToDuo: true,
      duoRecipient: 'LPA',
      detectedOn: '2026-11-20',
    });
  });

  it('counts the 4 school weeks across the autumn holiday (17-25 Oct 2026): the holiday week neither counts nor breaks', () => {
    // 5 Oct and 6 Nov lie in 5 calendar weeks but 4 school weeks.
    const inside = evaluate([truant('2026-10-05', 480), truant('2026-11-06', 480)], '2026-11-06');
    expect(ofKind(inside.signals, 'report16').map((r) => r.period)).toEqual([
      { from: '2026-10-05', to: '2026-11-06' },
    ]);
    // 5 Oct and 9 Nov lie 5 school weeks apart: nothing to report.
    const outside = evaluate([truant('2026-10-05', 480), truant('2026-11-09', 480)], '2026-11-09');
    expect(ofKind(outside.signals, 'report16')).toEqual([]);
  });

  it('does not shift days or minutes at the change to and from summer time (29 Mar and 25 Oct 2026)', () => {
    const spring = evaluate([truant('2026-03-27', 480), truant('2026-03-30', 480)], '2026-03-31');
    expect(ofKind(spring.signals, 'report16')[0]).toMatchObject({
      period: { from: '2026-03-27', to: '2026-03-30' },
      totalMinutes: 960,
      dueDate: '2026-04-01',
      duoDeadline: '2026-04-08', // Good Friday and Easter Monday are no working days
    });
    const autumn = evaluate([truant('2026-10-26', 300), truant('2026-10-27', 660)], '2026-10-27');
    expect(ofKind(autumn.signals, 'report16')[0]).toMatchObject({
      period: { from: '2026-10-26', to: '2026-10-27' },
      totalMinutes: 960,
    });
  });

  it('restarts counting the day after the end date: minutes already reported never count again', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480), truant('2026-11-16', 479)];
    const { signals } = evaluate(days, '2026-11-20');
    expect(ofKind(signals, 'report16')).toHaveLength(1);
  });

  it('makes at most one report per 7 calendar days for continuous absence', () => {
    const days = schoolDays('2026-11-02', '2026-11-27').map((d) => truant(d, 480));
    const reports = ofKind(evaluate(days, '2026-11-27').signals, 'report16');
    expect(reports.map((r) => r.period)).toEqual([
      { from: '2026-11-02', to: '2026-11-03' },
      { from: '2026-11-04', to: '2026-11-10' },
      { from: '2026-11-11', to: '2026-11-17' },
      { from: '2026-11-18', to: '2026-11-24' },
    ]);
    expect(reports[1]?.totalMinutes).toBe(5 * 480);
  });

  it('still makes a report that waited for the 7-day limit when the absence stops meanwhile', () => {
    // Mon-Thu absent: 16 hours on Tuesday (report), 16 more on Thursday: made the next Tuesday.
    const days = schoolDays('2026-11-02', '2026-11-05').map((d) => truant(d, 480));
    const first = evaluate(days, '2026-11-06');
    expect(ofKind(first.signals, 'report16').map((r) => r.period)).toEqual([
      { from: '2026-11-02', to: '2026-11-03' },
    ]);
    expect(first.recheckOn).toBe('2026-11-10');
    expect(evaluate(days, '2026-11-09', { state: first.state }).signals).toEqual([]);
    const later = evaluate(days, '2026-11-10', { state: first.state });
    expect(later.recheckOn).toBeNull();
    expect(ofKind(later.signals, 'report16')).toMatchObject([
      {
        period: { from: '2026-11-04', to: '2026-11-05' },
        totalMinutes: 960,
        // Working days from the day it is made (10 November), not from its last day of absence.
        dueDate: '2026-11-12',
        duoDeadline: '2026-11-17',
        detectedOn: '2026-11-10',
      },
    ]);
  });

  it('accepts a state stored before reportMadeOn existed', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480), truant('2026-11-16', 960)];
    const { reportMadeOn: _dropped, ...older } = evaluate(days.slice(0, 2), '2026-11-03').state;
    const later = evaluate(days, '2026-11-16', { state: older });
    expect(ofKind(later.signals, 'report16').map((r) => r.period)).toEqual([
      { from: '2026-11-16', to: '2026-11-16' },
    ]);
  });

  it('ignores days after the evaluation date', () => {
    const { signals } = evaluate([truant('2026-11-02', 480), truant('2026-11-03', 480)], '2026-11-02');
    expect(ofKind(signals, 'report16')).toEqual([]);
  });

  it('does not report the same hours again on re-evaluation, on the same date or later', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480)];
    const first = evaluate(days, '2026-11-03');
    expect(ofKind(first.signals, 'report16')).toHaveLength(1);
    expect(evaluate(days, '2026-11-03', { state: first.state }).signals).toEqual([]);
    expect(evaluate(days, '2026-12-01', { state: first.state }).signals).toEqual([]);
  });

  it('routes the report by legal status on its end date: LPA under 18, RMC from the 18th birthday', () => {
    const days = [truant('2026-11-09', 480), truant('2026-11-10', 480)];
    const turning18 = student({ birthDate: '2008-11-10' });
    expect(
      ofKind(evaluate(days, '2026-11-10', { student: turning18 }).signals, 'report16')[0]?.duoRecipient,
    ).toBe('RMC');
    const stillMinor = student({ birthDate: '2008-11-11' });
    expect(
      ofKind(evaluate(days, '2026-11-10', { student: stillMinor }).signals, 'report16')[0]?.duoRecipient,
    ).toBe('LPA');
  });

  it('keeps Route-X reports away from DUO, on its own norm', () => {
    const routeX = student({ routeX: true });
    const profile = NORM_PROFILES['route-x'];
    expect(profile?.reportToDuo).toBe(false);
    // The Route-X norm is 8 hours: 480 minutes, written out (see boundaries.test.ts for 479).
    const { signals } = evaluate([truant('2026-11-02', 480)], '2026-11-02', { student: routeX });
    expect(ofKind(signals, 'report16')[0]).toMatchObject({
      reportToDuo: false,
      duoRecipient: null,
      profileId: 'route-x',
    });
  });
});

describe('Hoofdstuk 1 – 8-uurssignaal aan de student', () => {
  it('signals the student at 480 unauthorized minutes, not at 479', () => {
    expect(ofKind(evaluate([truant('2026-11-02', 479)], '2026-11-02').signals, 'signal8')).toEqual([]);
    const [signal] = ofKind(
      evaluate([truant('2026-11-02', 240), truant('2026-11-05', 240)], '2026-11-05').signals,
      'signal8',
    );
    expect(signal).toMatchObject({ period: { from: '2026-11-02', to: '2026-11-05' }, totalMinutes: 480 });
  });

  it('signals once per counting period, and again after a report restarted the count', () => {
    const days = [
      truant('2026-11-02', 480), // 8 hours: signal
      truant('2026-11-03', 300), // 13 hours: nothing new
      truant('2026-11-04', 300), // 18 hours: report; counting restarts
      truant('2026-11-12', 480), // 8 hours in the new period: signal
    ];
    const { signals } = evaluate(days, '2026-11-20');
    expect(ofKind(signals, 'signal8').map((s) => s.period.from)).toEqual(['2026-11-02', '2026-11-12']);
    expect(ofKind(signals, 'report16').map((s) => s.period)).toEqual([
      { from: '2026-11-02', to: '2026-11-04' },
    ]);
  });

  it('signals again once the earlier hours slid out of the 4-week window without reaching 16', () => {
    const days = [truant('2026-09-07', 480), truant('2026-11-02', 480)];
    const { signals } = evaluate(days, '2026-11-02');
    expect(ofKind(signals, 'signal8').map((s) => s.period.from)).toEqual(['2026-09-07', '2026-11-02']);
  });
});
