import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../../shared/calendar';
import {
  type ClassifyContext,
  classify,
  computeKpi,
  kpiColour,
  NORM_PROFILES,
  type NormProfile,
  type RegistrationFacts,
  reportStillStands,
  routeXCounts,
  summarizeDay,
} from '../../../shared/policy';
import { truant } from './fixtures';

const ctx: ClassifyContext = { birthDate: '2010-01-01', severeWeatherDates: new Set() };
function registration(overrides: Partial<RegistrationFacts>): RegistrationFacts {
  const base = {
    registrationId: 'r',
    revision: 0,
    studentId: 's',
    date: '2026-11-10',
    start: '09:00',
    end: '10:00',
  };
  return { ...base, status: 'present', ...overrides };
}
const item = (r: RegistrationFacts) => ({ status: r.status, classification: classify(r, ctx) });

describe('Day summary', () => {
  it('adds up a day of lessons by how each registration was classified', () => {
    const summary = summarizeDay('2026-11-10', [
      item(registration({})),
      item(registration({ status: 'absent', start: '10:00', end: '11:45' })),
      item(registration({ status: 'late', minutesMissed: 12 })),
      item(
        registration({
          status: 'absent',
          reason: 'sick',
          notice: { channel: 'phone', reportedBy: 'parent', proof: false },
        }),
      ),
    ]);
    expect(summary).toEqual({
      date: '2026-11-10',
      lessons: 4,
      lessonMinutes: 60 + 105 + 60 + 60,
      unauthorizedMinutes: 105 + 12,
      authorizedMinutes: 60,
      unauthorizedAbsentLessons: 1,
      unauthorizedLateOrEarly: 1,
      sick: true,
    });
  });
});

describe('Bijlage 2 – Melding intrekken na correctie', () => {
  const standard = NORM_PROFILES.standard as NormProfile;
  const report = { period: { from: '2026-11-02', to: '2026-11-03' }, totalMinutes: 960 };

  it('keeps a report while the corrected minutes in its period still reach 960', () => {
    const days = [truant('2026-11-02', 480), truant('2026-11-03', 480), truant('2026-11-04', 480)];
    expect(reportStillStands(report, days, standard)).toBe(true);
  });

  it('withdraws it when a correction brings them to 959, whatever lies outside the period', () => {
    const days = [truant('2026-11-02', 479), truant('2026-11-03', 480), truant('2026-11-04', 480)];
    expect(reportStillStands(report, days, standard)).toBe(false);
  });
});

describe('Bijlage 3 – KPI', () => {
  it('colours above 90 % green, 80-90 % orange, below 80 % red; no reports no colour', () => {
    expect(kpiColour(90.01)).toBe('green');
    expect(kpiColour(90)).toBe('orange');
    expect(kpiColour(80)).toBe('orange');
    expect(kpiColour(79.99)).toBe('red');
    expect(kpiColour(null)).toBe('none');
  });

  const units = [
    { id: 'inst', parentId: null, kind: 'institution' as const, name: 'De Leijgraaf' },
    { id: 'dep', parentId: 'inst', kind: 'department' as const, name: 'Zorg' },
    { id: 'team-a', parentId: 'dep', kind: 'team' as const, name: 'A' },
    { id: 'team-b', parentId: 'dep', kind: 'team' as const, name: 'B' },
    { id: 'team-c', parentId: 'inst', kind: 'team' as const, name: 'C' },
  ];
  const asOf = '2026-11-27';

  it('rolls the policy’s example, 207 of 324 handled, up to a red institution', () => {
    const reports = Array.from({ length: 324 }, (_, i) => ({
      id: `r${i}`,
      teamId: i % 2 === 0 ? 'team-a' : 'team-b',
      createdOn: '2026-11-20',
      handled: i < 207,
    }));
    const kpi = computeKpi({ units, reports, calendar: defaultCalendar, asOf });
    expect(kpi.get('inst')).toEqual({
      norm: 324,
      realisation: 207,
      percentage: (207 / 324) * 100,
      colour: 'red',
    });
    expect(kpi.get('dep')?.norm).toBe(324);
    expect(kpi.get('team-a')?.norm).toBe(162);
    expect(kpi.get('team-c')).toEqual({ norm: 0, realisation: 0, percentage: null, colour: 'none' });
  });

  it('ignores reports of unknown teams and survives a cycle in the unit data', () => {
    const cyclic = [
      { id: 'x', parentId: 'y', kind: 'department' as const, name: 'X' },
      { id: 'y', parentId: 'x', kind: 'department' as const, name: 'Y' },
    ];
    const reports = [
      { id: 'a', teamId: 'x', createdOn: '2026-11-20', handled: true },
      { id: 'b', teamId: 'nowhere', createdOn: '2026-11-20', handled: true },
    ];
    const kpi = computeKpi({ units: cyclic, reports, calendar: defaultCalendar, asOf });
    expect(kpi.get('x')?.norm).toBe(1);
    expect(kpi.get('y')?.norm).toBe(1);
    expect(kpi.has('nowhere')).toBe(false);
  });

  it('counts only reports created in the last 28 school days, across the autumn holiday', () => {
    // 28 school days up to 27 Nov 2026 start on 14 Oct (the autumn holiday week is skipped).
    expect(defaultCalendar.lastSchoolDays(asOf, 28)[0]).toBe('2026-10-14');
    const reports = [
      { id: 'old', teamId: 'team-c', createdOn: '2026-10-13', handled: false },
      { id: 'first', teamId: 'team-c', createdOn: '2026-10-14', handled: true },
      { id: 'last', teamId: 'team-c', createdOn: asOf, handled: true },
      { id: 'future', teamId: 'team-c', createdOn: '2026-11-28', handled: false },
    ];
    expect(computeKpi({ units, reports, calendar: defaultCalendar, asOf }).get('team-c')).toMatchObject({
      norm: 2,
      realisation: 2,
      colour: 'green',
    });
  });
});

describe('Route-X reports and the KPI (appendix 3; footnote to 4.1: the internal norm is not the law)', () => {
  const units = [
    { id: 'inst', parentId: null, kind: 'institution' as const, name: 'De Leijgraaf' },
    { id: 'dep', parentId: 'inst', kind: 'department' as const, name: 'Zorg' },
    { id: 'team-a', parentId: 'dep', kind: 'team' as const, name: 'A' },
  ];
  const asOf = '2026-11-27';
  const reports = [
    { id: 'legal-1', teamId: 'team-a', createdOn: '2026-11-20', handled: true },
    { id: 'legal-2', teamId: 'team-a', createdOn: '2026-11-20', handled: false },
    { id: 'rx-1', teamId: 'team-a', createdOn: '2026-11-20', handled: false, routeX: true },
    { id: 'rx-2', teamId: 'team-a', createdOn: '2026-11-23', handled: false, routeX: true },
    { id: 'rx-3', teamId: 'team-a', createdOn: '2026-11-24', handled: true, routeX: true },
    { id: 'rx-old', teamId: 'team-a', createdOn: '2026-10-01', handled: false, routeX: true },
  ];

  it('leaves Route-X reports out of the legal norm and realisation, up the whole tree', () => {
    const kpi = computeKpi({ units, reports, calendar: defaultCalendar, asOf });
    for (const unit of ['team-a', 'dep', 'inst']) {
      expect(kpi.get(unit)).toEqual({ norm: 2, realisation: 1, percentage: 50, colour: 'red' });
    }
  });

  it('counts Route-X reports apart, in the same 28 school days, without a colour', () => {
    const counts = routeXCounts({ units, reports, calendar: defaultCalendar, asOf });
    for (const unit of ['team-a', 'dep', 'inst'])
      expect(counts.get(unit)).toEqual({ norm: 3, realisation: 1 });
  });

  it('gives a unit with only Route-X reports no legal figures at all', () => {
    const onlyRouteX = reports.filter((r) => r.routeX);
    expect(computeKpi({ units, reports: onlyRouteX, calendar: defaultCalendar, asOf }).get('team-a')).toEqual(
      {
        norm: 0,
        realisation: 0,
        percentage: null,
        colour: 'none',
      },
    );
  });
});
