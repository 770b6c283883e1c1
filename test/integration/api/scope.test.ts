import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { apiClient, useSeededApi, type Who } from './fixture';

const sys = useSeededApi();

describe('scope: every role sees only its own', () => {
  // An id outside one's scope is answered like an id that does not exist: 403 (404 only for
  // whom nothing is out of scope).
  const cases: [Who, string, number][] = [
    // coach A: own student and reports, nobody else's, no KPI/worklist/admin
    ['coachA', '/api/students/s-a', 200],
    ['coachA', '/api/students/s-b', 403],
    ['coachA', '/api/students/s-nobody', 403],
    ['coachA', '/api/reports/r-a-00', 200],
    ['coachA', '/api/reports/r-b', 403],
    ['coachA', '/api/reports/r-nobody', 403],
    ['coachA', '/api/kpi', 403],
    ['coachA', '/api/worklist', 403],
    ['coachA', '/api/admin', 403],
    ['coachA', '/api/units/team-a/open-reports', 403],
    // manager of Techniek: the department and below, not Zorg
    ['manager', '/api/students/s-a', 200],
    ['manager', '/api/students/s-b', 403],
    ['manager', '/api/units/team-a/open-reports', 200],
    ['manager', '/api/units/team-b/open-reports', 403],
    ['manager', '/api/units/team-nobody/open-reports', 403],
    ['manager', '/api/overviews/sixteen_hour?unitId=dep-zorg', 403],
    ['manager', '/api/worklist', 403],
    ['manager', '/api/admin', 403],
    // attendance officer: the whole institution, but no administration
    ['officer', '/api/students/s-b', 200],
    ['officer', '/api/units/team-b/open-reports', 200],
    ['officer', '/api/worklist', 200],
    ['officer', '/api/students/s-nobody', 404],
    ['officer', '/api/reports/r-nobody', 404],
    ['officer', '/api/admin', 403],
    // front office: correction tasks only
    ['front', '/api/students/s-a', 403],
    ['front', '/api/reports/r-a-00', 403],
    ['front', '/api/kpi', 403],
    ['front', '/api/worklist?kind=officer_question', 403],
    ['front', '/api/worklist?kind=correction', 200],
    // administrator: administration, and no student data at all
    ['admin', '/api/admin', 200],
    ['admin', '/api/me', 200],
    ['admin', '/api/students/s-b', 403],
    ['admin', '/api/reports/r-b', 403],
    ['admin', '/api/kpi', 403],
    ['admin', '/api/units/inst/open-reports', 403],
    ['admin', '/api/coach', 403],
    ['admin', '/api/worklist?kind=officer_question', 403],
    ['admin', '/api/duo/export.csv', 403],
    ['admin', '/api/overviews/sixteen_hour', 403],
    ['admin', '/api/overviews/sixteen_hour/csv', 403],
  ];
  it.each(cases)('%s GET %s → %i', async (who, path, status) => {
    const res = await sys.api.call(who, 'GET', path);
    expect(res.status, res.text).toBe(status);
  });

  it("refuses a coach acting on another coach's report, and a manager acting at all", async () => {
    const body = { action: 'coach_conversation', explanation: 'Gesprek gepland.' };
    expect((await sys.api.call('coachB', 'POST', '/api/reports/r-a-01/action', body)).status).toBe(403);
    expect((await sys.api.call('manager', 'POST', '/api/reports/r-a-01/action', body)).status).toBe(403);
    expect(
      (
        await sys.api.call('coachB', 'POST', '/api/students/s-a/referrals', {
          category: 'officer_question',
          explanation: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('answers 401 without a token or with a forged one', async () => {
    expect((await sys.api.call(null, 'GET', '/api/me')).status).toBe(401);
    const forged = await (await apiClient(sys.table)).token('admin'); // signed with another key
    const res = await (sys.api as Awaited<ReturnType<typeof apiClient>>).raw({
      rawPath: '/api/me',
      headers: { authorization: `Bearer ${forged}` },
      requestContext: { http: { method: 'GET' } },
    } as never);
    expect(res.statusCode).toBe(401);
  });

  it("shows a manager only their department's part of the KPI tree", async () => {
    const res = await sys.api.call('manager', 'GET', '/api/kpi');
    expect(res.json.units.map((u: { orgUnitId: string }) => u.orgUnitId).sort()).toEqual([
      'dep-tech',
      'team-a',
    ]);
    const all = await sys.api.call('officer', 'GET', '/api/kpi');
    expect(all.json.units).toHaveLength(5);
    expect(all.json.asOf).toBe('2026-11-19');
  });

  it('gives front office only correction tasks in the worklist', async () => {
    const res = await sys.api.call('front', 'GET', '/api/worklist');
    expect(res.json.items.map((t: { taskId: string }) => t.taskId)).toEqual(['t-correction']);
    const officer = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(officer.json.items.map((t: { taskId: string }) => t.taskId).sort()).toEqual([
      'case-b',
      't-correction',
      't-question',
    ]);
    const outflow = await sys.api.call('officer', 'GET', '/api/worklist?kind=outflow');
    expect(outflow.json.items).toMatchObject([
      { taskId: 'case-b', kind: 'outflow', student: { studentId: 's-b' } },
    ]);
  });
});

describe('pagination', () => {
  it("pages a coach's 55 open reports oldest first, 50 at a time, without overlap", async () => {
    const first = await sys.api.call('coachA', 'GET', '/api/coach');
    expect(first.json.reports).toHaveLength(50);
    expect(first.json.nextCursor).toBeTruthy();
    const second = await sys.api.call(
      'coachA',
      'GET',
      `/api/coach?cursor=${encodeURIComponent(first.json.nextCursor)}`,
    );
    expect(second.json.reports).toHaveLength(5);
    expect(second.json.nextCursor).toBeNull();
    const all = [...first.json.reports, ...second.json.reports];
    expect(new Set(all.map((r: { reportId: string }) => r.reportId)).size).toBe(55);
    const created = all.map((r: { createdOn: string }) => r.createdOn);
    expect(created).toEqual([...created].sort());
    expect(all.every((r: { student: { coachId: string } }) => r.student.coachId === 'coach-a')).toBe(true);
  });

  it('marks open reports past their due date as overdue, not those due today', async () => {
    const res = await sys.api.call('coachA', 'GET', '/api/coach');
    const byId = new Map(
      res.json.reports.map((r: { reportId: string; overdue: boolean }) => [r.reportId, r.overdue]),
    );
    expect(byId.get('r-a-27')).toBe(true); // due 2026-11-19, today 2026-11-20
    expect(byId.get('r-a-26')).toBe(false); // due today
  });

  it("shows each report's stored due date in the coach's list and on the report", async () => {
    const res = await sys.api.call('coachA', 'GET', '/api/coach');
    const due = new Map(
      res.json.reports.map((r: { reportId: string; dueDate: string }) => [r.reportId, r.dueDate]),
    );
    expect(due.get('r-a-27')).toBe('2026-11-19');
    expect(due.get('r-a-26')).toBe('2026-11-20');
    expect((await sys.api.call('coachA', 'GET', '/api/reports/r-a-27')).json).toMatchObject({
      dueDate: '2026-11-19',
      overdue: true,
    });
  });
});

describe('audit trail', () => {
  it("records who read a student's page and report", async () => {
    await sys.api.call('officer', 'GET', '/api/students/s-a');
    await sys.api.call('coachA', 'GET', '/api/reports/r-a-02');
    const trail = await listAudit(sys.table, 'student', 's-a');
    expect(trail.some((e) => e.by === 'vb-1' && e.what === 'read student:s-a')).toBe(true);
    expect(trail.some((e) => e.by === 'coach-a' && e.what === 'read report:r-a-02')).toBe(true);
  });

  it('does not record a refused read as a read', async () => {
    await sys.api.call('coachA', 'GET', '/api/students/s-b');
    const trail = await listAudit(sys.table, 'student', 's-b');
    expect(trail.some((e) => e.by === 'coach-a')).toBe(false);
  });
});
