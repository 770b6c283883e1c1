import { beforeAll, describe, expect, it } from 'vitest';
import type { Expiring } from '../../../functions/domain/expiring';
import type { Task } from '../../../functions/domain/task';
import { listAudit } from '../../../functions/store/audit-repository';
import { putStaff } from '../../../functions/store/staff';
import { createTask } from '../../../functions/store/tasks-repository';
import { parseCsv } from '../../support/csv';
import { useSeededApi } from './fixture';

const sys = useSeededApi();

/** A task about Sam Aalders (team Techniek A, coach Anna Coach) on the officer's worklist. */
const aboutSam = (taskId: string, kind: Task['kind'], dueDate?: string): Expiring<Task> => ({
  taskId,
  kind,
  role: 'attendance_officer',
  studentId: 's-a',
  studentName: 'Sam Aalders',
  teamId: 'team-a',
  status: 'open',
  createdOn: '2026-11-10',
  ...(dueDate ? { dueDate } : {}),
  explanation: `over ${taskId}`,
  version: 1,
  expiresAt: 4_102_444_800,
});

beforeAll(async () => {
  await putStaff(
    sys.table,
    {
      staffId: 'vb-2',
      name: 'Vera Verzuim',
      email: 'vera@school.example',
      roles: ['attendance_officer'],
      orgUnitIds: [],
    },
    { version: 1, eventIds: ['evt-vb-2'] },
  );
  // NOW is 2026-11-20: one task overdue, one due later than the seed's (2026-11-25), one without a date.
  await createTask(sys.table, aboutSam('t-late', 'officer_question', '2026-11-18'));
  await createTask(sys.table, aboutSam('t-later', 'sick_pattern', '2026-12-02'));
  await createTask(sys.table, aboutSam('t-nodue', 'signal4w'));
});

type Row = {
  taskId: string;
  owner: { staffId: string; name: string } | null;
  status: string;
  overdue: boolean;
  dueOn: string | null;
};
const ids = (res: { json: { items: Row[] } }) => res.json.items.map((t) => t.taskId);
const row = (res: { json: { items: Row[] } }, taskId: string) =>
  res.json.items.find((t) => t.taskId === taskId);

describe("the attendance officer's worklist", () => {
  it('is sorted by due date, those without one last, and marks the overdue ones', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(['t-late', 't-correction', 't-question', 't-later', 't-nodue', 'case-b']);
    expect(res.json.items.map((t: Row) => t.overdue)).toEqual([true, false, false, false, false, false]);
  });

  it('names the student by number and name, the coach and the team', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(res.json.items[0]).toMatchObject({
      taskId: 't-late',
      student: { studentId: 's-a', displayName: 'Sam Aalders' },
      coach: { staffId: 'coach-a', name: 'Anna Coach' },
      team: { orgUnitId: 'team-a', name: 'Techniek A' },
      owner: null,
      dueOn: '2026-11-18',
    });
  });

  it('lists the colleagues a task can be given to: staff of the same role', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(res.json.colleagues).toEqual([
      { staffId: 'vb-1', name: 'Olaf Officer', roles: ['attendance_officer'] },
      { staffId: 'vb-2', name: 'Vera Verzuim', roles: ['attendance_officer'] },
    ]);
  });

  it('is filtered on the server by unit: a department means its teams', async () => {
    const tech = await sys.api.call('officer', 'GET', '/api/worklist?unitId=dep-tech');
    expect(ids(tech)).toEqual(['t-late', 't-later', 't-nodue']);
    const zorg = await sys.api.call('officer', 'GET', '/api/worklist?unitId=team-b');
    expect(ids(zorg)).toEqual(['t-correction', 't-question', 'case-b']);
    expect((await sys.api.call('officer', 'GET', '/api/worklist?unitId=nowhere')).status).toBe(404);
  });

  it('is filtered by kind together with the unit', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/worklist?kind=officer_question&unitId=team-a');
    expect(ids(res)).toEqual(['t-late']);
  });
});

describe('the owner of a task', () => {
  it('"Ik pak dit op": the officer takes a task, which starts it, and the change is audited with before and after', async () => {
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-late/owner', { ownerId: 'vb-1' });
    expect(res.status).toBe(200);
    const list = await sys.api.call('officer', 'GET', '/api/worklist');
    expect(row(list, 't-late')).toMatchObject({
      owner: { staffId: 'vb-1', name: 'Olaf Officer' },
      status: 'in_progress',
    });
    const trail = await listAudit(sys.table, 'task', 't-late');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      by: 'vb-1',
      what: 'owner taken',
      before: { status: 'open' },
      after: { ownerId: 'vb-1', status: 'in_progress' },
    });
    expect((trail[0]?.before as Task | undefined)?.ownerId).toBeUndefined();
  });

  it('taking a task one owns already changes nothing and adds no audit entry', async () => {
    await sys.api.call('officer', 'POST', '/api/tasks/t-late/owner', { ownerId: 'vb-1' });
    expect(await listAudit(sys.table, 'task', 't-late')).toHaveLength(1);
  });

  it('can be given to a colleague of the same role, and the worklist filters on it', async () => {
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-later/owner', { ownerId: 'vb-2' });
    expect(res.status).toBe(200);
    const hers = await sys.api.call('officer', 'GET', '/api/worklist?owner=vb-2');
    expect(ids(hers)).toEqual(['t-later']);
    expect(row(hers, 't-later')?.owner).toEqual({ staffId: 'vb-2', name: 'Vera Verzuim' });
    const mine = await sys.api.call('officer', 'GET', '/api/worklist?owner=mine');
    expect(ids(mine)).toEqual(['t-late']);
    const nobody = await sys.api.call('officer', 'GET', '/api/worklist?owner=nobody');
    // An outflow case (case-b) is its coach's, never in the officers' shared queue of nobody's tasks.
    expect(ids(nobody)).toEqual(['t-correction', 't-question', 't-nodue']);
  });

  it('is never someone of another role', async () => {
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-nodue/owner', { ownerId: 'fo-1' });
    expect(res.status).toBe(422);
    const unknown = await sys.api.call('officer', 'POST', '/api/tasks/t-nodue/owner', {
      ownerId: 'nobody-here',
    });
    expect(unknown.status).toBe(422);
    expect(await listAudit(sys.table, 'task', 't-nodue')).toEqual([]);
  });

  it('the front office cannot take an attendance officer task, and takes its own corrections', async () => {
    expect(
      (await sys.api.call('front', 'POST', '/api/tasks/t-nodue/owner', { ownerId: 'fo-1' })).status,
    ).toBe(403);
    expect(
      (await sys.api.call('front', 'POST', '/api/tasks/t-correction/owner', { ownerId: 'fo-1' })).status,
    ).toBe(200);
    const res = await sys.api.call('front', 'GET', '/api/worklist?owner=mine');
    expect(ids(res)).toEqual(['t-correction']);
  });

  it("the task's page shows its owner and its history by name, each change before -> after", async () => {
    const res = await sys.api.call('officer', 'GET', '/api/tasks/t-late');
    expect(res.status).toBe(200);
    expect(res.json.owner).toEqual({ staffId: 'vb-1', name: 'Olaf Officer' });
    expect(res.json.owners).toEqual([
      { staffId: 'vb-1', name: 'Olaf Officer' },
      { staffId: 'vb-2', name: 'Vera Verzuim' },
    ]);
    expect(res.json.history).toEqual([
      {
        at: expect.any(String),
        by: 'Olaf Officer',
        what: 'owner taken',
        changes: [
          { field: 'status', before: 'open', after: 'in_progress' },
          { field: 'owner', before: null, after: 'Olaf Officer' },
        ],
      },
    ]);
    expect(JSON.stringify(res.json.history)).not.toContain('vb-1');
  });

  it("a correction's page names the period to correct", async () => {
    await createTask(sys.table, {
      ...aboutSam('t-fix', 'correction', '2026-11-27'),
      role: 'front_office',
      period: { from: '2026-10-26', to: '2026-11-13' },
      status: 'done', // off the worklist, so the lists below stay as they are
    });
    const res = await sys.api.call('front', 'GET', '/api/tasks/t-fix');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ period: { from: '2026-10-26', to: '2026-11-13' }, dueOn: '2026-11-27' });
  });

  it('can be given back: nobody owns it again, audited too', async () => {
    const res = await sys.api.call('officer', 'POST', '/api/tasks/t-later/owner', { ownerId: null });
    expect(res.status).toBe(200);
    const list = await sys.api.call('officer', 'GET', '/api/worklist?owner=nobody');
    expect(ids(list)).toContain('t-later');
    const trail = await listAudit(sys.table, 'task', 't-later');
    expect(trail.map((e) => e.what)).toEqual(['owner assigned', 'owner released']);
    expect((trail[1]?.after as Task | undefined)?.ownerId).toBeUndefined();
  });
});

describe('the worklist as CSV', () => {
  it('holds the filtered worklist in the same order, for Dutch Excel (semicolons, byte order mark)', async () => {
    const res = await sys.api.call('officer', 'GET', '/api/worklist/csv?unitId=dep-tech');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.text.slice(1), ';');
    expect(header).toEqual([
      'Uiterlijk',
      'Te laat',
      'Soort',
      'Studentnummer',
      'Student',
      'Coach',
      'Team',
      'Opgepakt door',
      'Status',
      'Aangemaakt',
      'Toelichting',
    ]);
    expect(rows.map((r) => r[0])).toEqual(['2026-11-18', '2026-12-02', '']);
    expect(rows[0]).toEqual([
      '2026-11-18',
      'ja',
      'Vraag',
      's-a',
      'Sam Aalders',
      'Anna Coach',
      'Techniek A',
      'Olaf Officer',
      'in behandeling',
      '2026-11-10',
      'over t-late',
    ]);
  });

  it('follows the owner filter, and the front office gets only its corrections', async () => {
    const mine = await sys.api.call('officer', 'GET', '/api/worklist/csv?owner=mine');
    expect(
      parseCsv(mine.text.slice(1), ';')
        .slice(1)
        .map((r) => r[10]),
    ).toEqual(['over t-late']);
    const front = await sys.api.call('front', 'GET', '/api/worklist/csv');
    expect(
      parseCsv(front.text.slice(1), ';')
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['Correctie presentie']);
  });
});
