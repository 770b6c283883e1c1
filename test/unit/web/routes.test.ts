import { describe, expect, it } from 'vitest';
import { dashboardPath } from '../../../shared/links';
import { homeFor, href, parseHash, type Route } from '../../../web/src/lib/routes';

describe('hash routes of the dashboard', () => {
  it('round-trips every link the dashboard makes', () => {
    expect(parseHash(href.report('r/1'))).toEqual({ name: 'report', reportId: 'r/1' });
    expect(parseHash(href.student('S 100'))).toEqual({ name: 'student', studentId: 'S 100' });
    expect(parseHash(href.unit('team-a'))).toEqual({ name: 'unit', unitId: 'team-a' });
    expect(parseHash(href.coach('team-a'))).toEqual({ name: 'coach', teamId: 'team-a' });
    expect(parseHash(href.coach())).toEqual({ name: 'coach', teamId: null });
    expect(parseHash(href.kpi())).toEqual({ name: 'kpi' });
    expect(parseHash(href.worklist())).toEqual({ name: 'worklist', kind: '', unitId: '', owner: '' });
    expect(parseHash(href.worklist({ kind: 'signal4w', unitId: 'dep tech&1', owner: 'mine' }))).toEqual({
      name: 'worklist',
      kind: 'signal4w',
      unitId: 'dep tech&1',
      owner: 'mine',
    });
    expect(parseHash(href.task('R#1.a0'))).toEqual({ name: 'task', taskId: 'R#1.a0' });
    expect(parseHash(href.letters())).toEqual({ name: 'letters', from: '', to: '' });
    expect(parseHash(href.overviews())).toEqual({ name: 'overviews' });
    expect(parseHash(href.admin())).toEqual({ name: 'admin' });
    expect(parseHash(href.signin())).toEqual({ name: 'signin' });
  });

  it('opens the intended page for every link the mails build', () => {
    // Typed by dashboardPath's keys: a new mail route fails to compile until it is listed here.
    const expected: Record<keyof typeof dashboardPath, [string, Route]> = {
      signin: [dashboardPath.signin(), { name: 'signin' }],
      kpi: [dashboardPath.kpi(), { name: 'kpi' }],
      unit: [dashboardPath.unit('MBO Zorg & Welzijn'), { name: 'unit', unitId: 'MBO Zorg & Welzijn' }],
      coach: [dashboardPath.coach('team?a=1'), { name: 'coach', teamId: 'team?a=1' }],
      report: [dashboardPath.report('R#2026/07'), { name: 'report', reportId: 'R#2026/07' }],
      student: [dashboardPath.student('S 100/ä'), { name: 'student', studentId: 'S 100/ä' }],
      worklist: [dashboardPath.worklist(), { name: 'worklist', kind: '', unitId: '', owner: '' }],
      task: [dashboardPath.task('s-1.a0/x'), { name: 'task', taskId: 's-1.a0/x' }],
      letters: [
        dashboardPath.letters({ from: '2026-09-01', to: '2027-01-31' }),
        { name: 'letters', from: '2026-09-01', to: '2027-01-31' },
      ],
      letter: [dashboardPath.letter('t/1.invitation.1'), { name: 'letter', letterId: 't/1.invitation.1' }],
      overviews: [dashboardPath.overviews(), { name: 'overviews' }],
      admin: [dashboardPath.admin(), { name: 'admin' }],
      adminImport: [dashboardPath.adminImport(), { name: 'import' }],
    };
    for (const [link, route] of Object.values(expected)) expect(parseHash(link)).toEqual(route);
    expect(parseHash(dashboardPath.coach())).toEqual({ name: 'coach', teamId: null });
    expect(href).toBe(dashboardPath);
  });

  it('treats an empty hash as home and anything unknown as not found', () => {
    expect(parseHash('')).toEqual({ name: 'home' });
    expect(parseHash('#/')).toEqual({ name: 'home' });
    expect(parseHash('#/nope')).toEqual({ name: 'notfound' });
    expect(parseHash('#/meldingen')).toEqual({ name: 'notfound' });
  });

  it('sends each role to its own start page after signing in', () => {
    expect(homeFor(['coach', 'manager'])).toBe('#/coach');
    expect(homeFor(['attendance_officer'])).toBe('#/werklijst');
    expect(homeFor(['front_office'])).toBe('#/werklijst');
    expect(homeFor(['manager'])).toBe('#/kpi');
    // The administrator reads no student data: they land on the administration page.
    expect(homeFor(['admin'])).toBe('#/beheer');
  });
});
