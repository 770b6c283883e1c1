/**
 * The thresholds of the policy at their literal boundaries: one minute, one day or one year on
 * either side, written out as numbers (not read from the profile, which a wrong edit would move
 * along with the test).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import { ageOn, computeKpi } from '../../../shared/policy';
import { evaluate, ofKind, student, truant } from './fixtures';

describe('Route-X – eigen urennorm: 4 hours signal the student, 8 hours report to the coach', () => {
  const routeX = student({ routeX: true });

  it('signals the student at 240 unauthorized minutes, not at 239', () => {
    const below = evaluate([truant('2026-11-02', 239)], '2026-11-02', { student: routeX });
    expect(ofKind(below.signals, 'signal8')).toEqual([]);
    const at = evaluate([truant('2026-11-02', 240)], '2026-11-02', { student: routeX });
    expect(ofKind(at.signals, 'signal8')).toMatchObject([{ totalMinutes: 240 }]);
  });

  it('reports to the coach at 480 unauthorized minutes, not at 479, and never to DUO', () => {
    const below = evaluate([truant('2026-11-02', 479)], '2026-11-02', { student: routeX });
    expect(ofKind(below.signals, 'report16')).toEqual([]);
    const at = evaluate([truant('2026-11-02', 480)], '2026-11-02', { student: routeX });
    expect(ofKind(at.signals, 'report16')).toMatchObject([
      { totalMinutes: 480, profileId: 'route-x', reportToDuo: false, duoRecipient: null },
    ]);
  });

  it('gives a standard student at 480 minutes the 8-hour signal but no report (the statutory norm is 960)', () => {
    const standard = evaluate([truant('2026-11-02', 480)], '2026-11-02');
    expect(ofKind(standard.signals, 'report16')).toEqual([]);
    expect(ofKind(standard.signals, 'signal8')).toMatchObject([{ totalMinutes: 480 }]);
  });
});

describe('Bijlage 3 – KPI: each report counts once', () => {
  const units = [
    { id: 'inst', parentId: null, kind: 'institution' as const, name: 'De Leijgraaf' },
    { id: 'team-a', parentId: 'inst', kind: 'team' as const, name: 'A' },
  ];

  it('counts a report read twice (two pages of a list, a retried read) once, in the team and above', () => {
    const report = { id: 'rep-1', teamId: 'team-a', createdOn: '2026-11-20', handled: false };
    const other = { id: 'rep-2', teamId: 'team-a', createdOn: '2026-11-23', handled: true };
    const kpi = computeKpi({
      units,
      reports: [report, other, { ...report }],
      calendar: defaultCalendar,
      asOf: '2026-11-27',
    });
    expect(kpi.get('team-a')).toEqual({ norm: 2, realisation: 1, percentage: 50, colour: 'red' });
    expect(kpi.get('inst')).toMatchObject({ norm: 2, realisation: 1 });
  });
});

describe('Age on a date – a birthday later in the year', () => {
  it('is not yet reached in an earlier month: 17 in November with the 18th birthday in December', () => {
    expect(ageOn('2008-12-01', '2026-11-30')).toBe(17);
    expect(ageOn('2008-12-01', '2026-12-01')).toBe(18);
  });
});
