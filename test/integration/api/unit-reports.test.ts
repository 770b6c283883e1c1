import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { getMail } from '../../../functions/store/outbox-repository';
import { createReport } from '../../../functions/store/reports-repository';
import { putStaff } from '../../../functions/store/staff';
import { putStudent } from '../../../functions/store/students';
import { parseCsv } from '../../support/csv';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { addDays, apiClient, type Client, report, seed } from './fixture';

/**
 * The manager's list of a unit's open reports (appendix 3: "alle nog door coaches in behandeling te
 * nemen 16-uurs meldingen") and Route-X reports (the internal norm) through the API. Besides the
 * seeded 55 reports of coach A in team A (one overdue): a second coach with a report from the start
 * of the school year (far beyond the KPI's 28 school days, overdue) and a recent overdue one, and a Route-X
 * student of coach A with an open Route-X report.
 */
const TODAY = '2026-11-20';
const meta = (id: string) => ({ version: 1, eventIds: [`evt-${id}`], expiresAt: 4_102_444_800 });
const sys = {} as { table: TestTable; api: Client };

beforeAll(async () => {
  sys.table = await startTestTable();
  const store = sys.table;
  await seed(store, TODAY);
  await putStaff(
    store,
    {
      staffId: 'coach-c',
      name: 'Cas Coach',
      email: 'cas@school.example',
      roles: ['coach'],
      orgUnitIds: ['team-a'],
    },
    meta('coach-c'),
  );
  const student = (studentId: string, displayName: string, coachId: string, routeX: boolean) => ({
    studentId,
    displayName,
    email: `${studentId}@student.example`,
    birthDate: '2009-03-01',
    teamId: 'team-a',
    coachId,
    level: '2' as const,
    pathway: 'BOL' as const,
    routeX,
    startQualification: false,
    enrolledFrom: '2025-08-18',
  });
  await putStudent(store, student('s-c', 'Cor Claassen', 'coach-c', false), meta('s-c'));
  await putStudent(store, student('s-x', 'Xena Xavier', 'coach-a', true), meta('s-x'));
  const base = (id: string, studentId: string, studentName: string, coachId: string, createdOn: string) => ({
    ...report(id, studentId, 'team-a', coachId, createdOn, TODAY),
    studentName,
  });
  await createReport(store, {
    ...base('r-old', 's-c', 'Cor Claassen', 'coach-c', '2026-08-31'),
    from: '2026-08-24',
    to: '2026-08-28',
    dueDate: '2026-09-04',
  });
  await createReport(store, {
    ...base('r-c2', 's-c', 'Cor Claassen', 'coach-c', addDays(TODAY, -3)),
    dueDate: addDays(TODAY, -1),
  });
  await createReport(store, {
    ...base('r-x', 's-x', 'Xena Xavier', 'coach-a', addDays(TODAY, -2)),
    routeX: true,
    addressee: 'none',
    unauthorizedMinutes: 480,
    dueDate: addDays(TODAY, 3),
  });
  sys.api = await apiClient(store);
});
afterAll(async () => {
  await sys.table?.stop();
});

interface Listed {
  reportId: string;
  overdue: boolean;
  routeX: boolean;
  coachName?: string;
  student: { coachId: string };
}

async function wholeList(unitId: string) {
  const items: Listed[] = [];
  let coaches: unknown;
  let cursor: string | null = null;
  do {
    const res = await sys.api.call(
      'manager',
      'GET',
      `/api/units/${unitId}/open-reports${cursor ? `?cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.json.items);
    coaches ??= res.json.coaches;
    cursor = res.json.nextCursor;
  } while (cursor);
  return { items, coaches };
}

describe("the manager's list of a unit's open reports", () => {
  it('lists every open report, also one older than the 28 school days of the KPI, overdue ones first', async () => {
    const { items } = await wholeList('dep-tech');
    expect(items).toHaveLength(58);
    expect(items.map((r) => r.reportId)).toContain('r-old');
    // Overdue first (the longest overdue first), though r-c2 is one of the newest reports.
    expect(items.slice(0, 3).map((r) => [r.reportId, r.overdue])).toEqual([
      ['r-old', true],
      ['r-a-27', true],
      ['r-c2', true],
    ]);
    expect(items.slice(3).every((r) => !r.overdue)).toBe(true);
  });

  it("names each report's coach and counts the open and overdue reports per coach over the whole list", async () => {
    const { items, coaches } = await wholeList('team-a');
    const byCoach = new Map(items.map((r) => [r.student.coachId, r.coachName]));
    expect(Object.fromEntries(byCoach)).toEqual({ 'coach-a': 'Anna Coach', 'coach-c': 'Cas Coach' });
    expect(coaches).toEqual([
      { coachId: 'coach-c', name: 'Cas Coach', open: 2, overdue: 2 },
      { coachId: 'coach-a', name: 'Anna Coach', open: 56, overdue: 1 },
    ]);
  });
});

describe('a Route-X report (the internal norm)', () => {
  it('is labelled as such in the unit list, on its page and on the student page; the others are not', async () => {
    const { items } = await wholeList('team-a');
    expect(items.filter((r) => r.routeX).map((r) => r.reportId)).toEqual(['r-x']);
    expect((await sys.api.call('coachA', 'GET', '/api/reports/r-x')).json).toMatchObject({ routeX: true });
    expect((await sys.api.call('coachA', 'GET', '/api/reports/r-a-01')).json).toMatchObject({
      routeX: false,
    });
    const page = await sys.api.call('coachA', 'GET', '/api/students/s-x');
    expect(
      page.json.reports.map((r: { reportId: string; routeX: boolean }) => [r.reportId, r.routeX]),
    ).toEqual([['r-x', true]]);
    // The coach's own list, oldest first: the Route-X report is on its second page.
    const first = await sys.api.call('coachA', 'GET', '/api/coach?teamId=team-a');
    const next = await sys.api.call(
      'coachA',
      'GET',
      `/api/coach?teamId=team-a&cursor=${first.json.nextCursor}`,
    );
    const coachList = [...first.json.reports, ...next.json.reports] as Listed[];
    expect(coachList.filter((r) => r.routeX).map((r) => r.reportId)).toEqual(['r-x']);
  });

  it('is labelled in the overview of 16-hour reports and in its CSV', async () => {
    const from = addDays(TODAY, -5);
    const ov = await sys.api.call('officer', 'GET', `/api/overviews/sixteen_hour?unitId=team-a&from=${from}`);
    const rows = ov.json.rows as { student: { studentId: string }; routeX: boolean }[];
    expect(rows.filter((r) => r.routeX).map((r) => r.student.studentId)).toEqual(['s-x']);
    const csv = await sys.api.call(
      'officer',
      'GET',
      `/api/overviews/sixteen_hour/csv?unitId=team-a&from=${from}`,
    );
    const [header, ...lines] = parseCsv(csv.text).filter((l) => l.length > 1);
    const col = (header ?? []).indexOf('routeX');
    expect(col).toBeGreaterThan(-1);
    expect(lines.filter((l) => l[col] === 'ja').map((l) => l[0])).toEqual(['s-x']);
    expect(lines.filter((l) => l[col] === 'nee').length).toBeGreaterThan(0);
  });

  it('cannot be reported to DUO and never reaches the DUO export, while a legal report does', async () => {
    const refused = await sys.api.call('coachA', 'POST', '/api/reports/r-x/action', {
      action: 'duo',
      explanation: 'Melden graag.',
    });
    expect(refused.status).toBe(409);
    expect((await sys.api.call('coachA', 'GET', '/api/reports/r-x')).json.status).toBe('open');
    const legal = await sys.api.call('coachA', 'POST', '/api/reports/r-a-10/action', {
      action: 'duo',
      explanation: 'Student reageert niet.',
    });
    expect(legal.status).toBe(200);
    const exported = await sys.api.call('officer', 'GET', '/api/duo/export.csv');
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('s-a');
    expect(exported.text).not.toContain('s-x');
    expect(exported.text).not.toContain('Xena');
  });

  it("is labelled on the attendance officer's worklist when a coach asks the officer about it", async () => {
    const asked = await sys.api.call('coachA', 'POST', '/api/reports/r-x/action', {
      action: 'officer_question',
      explanation: 'Wil je meekijken?',
    });
    expect(asked.status).toBe(200);
    const worklist = await sys.api.call('officer', 'GET', '/api/worklist');
    const tasks = worklist.json.items as { student: { studentId: string } | null; routeX?: boolean }[];
    expect(tasks.filter((t) => t.student?.studentId === 's-x').map((t) => t.routeX)).toEqual([true]);
    expect(tasks.filter((t) => t.student?.studentId !== 's-x').every((t) => !t.routeX)).toBe(true);
  });
});

describe("the manager's reminder to a coach", () => {
  const path = (unitId: string, coachId: string) => `/api/units/${unitId}/coaches/${coachId}/reminder`;

  it('mails the coach the counts of the unit, audited, and only once per coach per day', async () => {
    const sent = await sys.api.call('manager', 'POST', path('dep-tech', 'coach-c'));
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({ coachId: 'coach-c', name: 'Cas Coach', open: 2, overdue: 2, date: TODAY });
    const mail = await getMail(sys.table, `reminder:coach-c:${TODAY}`);
    expect(mail).toMatchObject({ to: ['cas@school.example'], subject: 'Herinnering: Techniek' });
    expect(mail?.text).toContain('Mila Manager vraagt je de open meldingen van je studenten in Techniek');
    expect(mail?.text).toContain('2 open, waarvan 2 over de uiterste datum');
    expect(mail?.text).not.toContain('Cor Claassen');
    const trail = await listAudit(sys.table, 'staff', 'coach-c');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      by: 'om-tech',
      what: 'reminder',
      after: { unitId: 'dep-tech', open: 2 },
    });

    const again = await sys.api.call('manager', 'POST', path('team-a', 'coach-c'));
    expect(again.status).toBe(409);
    expect(await listAudit(sys.table, 'staff', 'coach-c')).toHaveLength(1);
  });

  it('refuses a coach without open reports in the unit, a unit outside the scope, and anyone but a manager', async () => {
    expect((await sys.api.call('manager', 'POST', path('dep-tech', 'coach-b'))).status).toBe(409);
    expect((await sys.api.call('manager', 'POST', path('dep-zorg', 'coach-b'))).status).toBe(403);
    expect((await sys.api.call('officer', 'POST', path('dep-tech', 'coach-a'))).status).toBe(403);
    expect((await sys.api.call('coachA', 'POST', path('team-a', 'coach-a'))).status).toBe(403);
    expect(await listAudit(sys.table, 'staff', 'coach-a')).toHaveLength(0);
  });
});
