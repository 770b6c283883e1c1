/**
 * Issue #14, "The other signals", through the API on the data the webhook and the nightly run
 * made: the night's 8-hour list on the officer's worklist, luxury absence (the report from the
 * student's page in the DUO export; the hints next to a holiday) and the coach's outflow case.
 */
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../functions/store/cases-repository';
import { putStaff } from '../../../functions/store/staff';
import { getTask } from '../../../functions/store/tasks-repository';
import { makeRmcReport } from '../../../functions/usecases/cases/outflow';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { day, startHarness } from '../nightly/harness';
import { apiClient, STAFF } from './fixture';

const h = startedForEachTest(async () => {
  const harness = await startHarness();
  // The API's staff (fixture.ts) beside the roster the webhook delivered.
  for (const s of Object.values(STAFF))
    await putStaff(
      harness.table,
      { ...s, roles: [...s.roles], orgUnitIds: [...s.orgUnitIds] },
      { version: 1, eventIds: [] },
    );
  return harness;
});

const api = (now: string) => apiClient(h.table, new Date(now));
const mine = { coachId: 'coach-a' };

describe("the night's 8-hour list on the attendance officer's worklist", () => {
  it('shows one list with the students of the night, which the officer marks done with a note', async () => {
    await h.student('s-ada', mine);
    await h.student('s-bo', mine);
    await h.deliver(...day('s-ada', '2026-09-10'), ...day('s-bo', '2026-09-10'));
    await h.nightly('2026-09-10');

    const client = await api('2026-09-11T07:00:00Z');
    const list = await client.call('officer', 'GET', '/api/worklist?kind=signal8_list');
    expect(list.status).toBe(200);
    const items = (list.json as { items: { taskId: string; eightHours: unknown[] }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]?.eightHours).toEqual([
      expect.objectContaining({
        student: expect.objectContaining({ studentId: 's-ada' }),
        unauthorizedMinutes: 480,
        coachName: 'Anna Coach',
      }),
      expect.objectContaining({
        student: expect.objectContaining({ studentId: 's-bo' }),
        unauthorizedMinutes: 480,
      }),
    ]);

    const taskId = items[0]?.taskId ?? '';
    const done = await client.call('officer', 'POST', `/api/tasks/${encodeURIComponent(taskId)}/status`, {
      status: 'done',
      note: 'Coaches gebeld',
    });
    expect(done.status).toBe(200);
    expect(await getTask(h.table, taskId)).toMatchObject({ status: 'done', note: 'Coaches gebeld' });
    const after = await client.call('officer', 'GET', '/api/worklist?kind=signal8_list');
    expect((after.json as { items: unknown[] }).items).toEqual([]);
  });

  it('makes no list on a night without 8-hour signals', async () => {
    await h.student('s-cas', mine);
    await h.deliver(...day('s-cas', '2026-09-10', { status: 'present' }));
    await h.nightly('2026-09-10');
    const list = await (await api('2026-09-11T07:00:00Z')).call(
      'officer',
      'GET',
      '/api/worklist?kind=signal8_list',
    );
    expect((list.json as { items: unknown[] }).items).toEqual([]);
  });
});

describe('luxury absence', () => {
  it('shows the absence on the last school day before the autumn holiday as a hint, not the day before it', async () => {
    await h.student('s-dirk', mine);
    await h.deliver(
      ...day('s-dirk', '2026-10-15', { lessons: 1 }),
      ...day('s-dirk', '2026-10-16', { lessons: 2 }),
    );
    await h.nightly('2026-10-16');
    const hints = await (await api('2026-10-27T07:00:00Z')).call(
      'officer',
      'GET',
      '/api/worklist/luxury-hints',
    );
    expect(hints.status).toBe(200);
    expect((hints.json as { hints: unknown[] }).hints).toEqual([
      {
        student: {
          studentId: 's-dirk',
          displayName: 'Student s-dirk',
          teamId: 'team-ict',
          coachId: 'coach-a',
        },
        date: '2026-10-16',
        holiday: 'Herfstvakantie',
        side: 'before',
        unauthorizedMinutes: 240,
      },
    ]);
    // The coach has no business with the officer's hints.
    expect(
      (await (await api('2026-10-27T07:00:00Z')).call('coachA', 'GET', '/api/worklist/luxury-hints')).status,
    ).toBe(403);
  });

  it("puts the officer's luxury report from the student's page in the DUO export", async () => {
    await h.student('s-eef', mine);
    await h.deliver(...day('s-eef', '2026-10-16'));
    const client = await api('2026-10-27T07:00:00Z');
    const made = await client.call('officer', 'POST', '/api/students/s-eef/luxury-reports', {
      from: '2026-10-16',
      to: '2026-10-16',
      days: 1,
      note: 'Eerder op vakantie volgens de ouders',
    });
    expect(made.status).toBe(200);
    const { taskId } = made.json as { taskId: string };
    expect(await getTask(h.table, taskId)).toMatchObject({
      kind: 'duo_report',
      duo: { type: 'luxury', addressee: 'lpa', absentDays: 1, absentMinutes: 480, allLessonsMissed: true },
    });
    const csv = await client.call('officer', 'GET', '/api/duo/export.csv');
    expect(csv.status).toBe(200);
    const row = csv.text.split('\n').find((line) => line.includes(taskId)) ?? '';
    expect(row).toContain('luxury');
    expect(row).toContain('s-eef');
    // Only the attendance officer makes one.
    const byCoach = await client.call('coachA', 'POST', '/api/students/s-eef/luxury-reports', {
      from: '2026-10-16',
      to: '2026-10-16',
      days: 1,
    });
    expect(byCoach.status).toBe(403);
  });
});

describe("outflow: the coach's case", () => {
  type Cases = {
    cases: {
      caseId: string;
      earlySchoolLeaver: boolean;
      status: string;
      steps: { step: string; done: boolean; by: string | null }[];
    }[];
  };

  it("is the coach's, due 10 working days after it opened, on the officer's worklist and the coach's page", async () => {
    await h.student('s-gil', { ...mine, level: 'entree', birthDate: '2008-05-01' });
    await h.deliver(leftEvent('s-gil', '2026-10-01'));
    await h.nightly('2026-10-01');
    const client = await api('2026-10-16T07:00:00Z');

    const [outflow] = ((await client.call('coachA', 'GET', '/api/coach/outflow-cases')).json as Cases).cases;
    expect(outflow).toMatchObject({ createdOn: '2026-10-01', dueDate: '2026-10-15' });
    const worklist = await client.call('officer', 'GET', '/api/worklist?kind=outflow');
    const [row] = worklist.json.items;
    expect(row).toMatchObject({ dueOn: '2026-10-15', overdue: true, owner: { staffId: 'coach-a' } });
    // The case is the coach's: not in the officers' shared queue of nobody's tasks.
    const nobody = await client.call('officer', 'GET', '/api/worklist?kind=outflow&owner=nobody');
    expect(nobody.json.items).toEqual([]);
  });

  it('flags an Entree leaver with a diploma as an early school leaver, whose RMC report reaches the DUO export', async () => {
    await h.student('s-fay', { ...mine, level: 'entree', birthDate: '2008-05-01' });
    await h.deliver(leftEvent('s-fay', '2026-10-01'));
    await h.nightly('2026-10-01');
    const client = await api('2026-10-02T07:00:00Z');

    const page = (await client.call('coachA', 'GET', '/api/coach/outflow-cases')).json as Cases;
    const [outflow] = page.cases;
    expect(outflow).toMatchObject({ earlySchoolLeaver: true, status: 'open' });
    expect(outflow?.steps.map((s) => s.step)).toEqual([
      'sts_involved',
      'counsellor_involved',
      'rmc_reported',
      'closed',
    ]);
    const step = (body: object) =>
      client.call('coachA', 'POST', `/api/cases/${encodeURIComponent(outflow?.caseId ?? '')}/steps`, body);

    // Closing asks for STS-B and the counsellor first.
    expect((await step({ step: 'closed' })).status).toBe(409);
    expect((await step({ step: 'rmc_reported', note: 'Geen nieuwe opleiding' })).status).toBe(200);
    const csv = await client.call('officer', 'GET', '/api/duo/export.csv');
    const row = csv.text.split('\n').find((line) => line.includes('s-fay')) ?? '';
    expect(row).toContain('rmc');
    expect(row).toContain('RMC');

    await step({ step: 'sts_involved' });
    await step({ step: 'counsellor_involved' });
    const closed = (await step({ step: 'closed' })).json as Cases;
    expect(closed.cases[0]).toMatchObject({ status: 'done' });
    expect(closed.cases[0]?.steps.every((s) => s.done && s.by === 'Anna Coach')).toBe(true);
    // Another coach's case is out of scope.
    expect(
      (
        await client.call('coachB', 'POST', `/api/cases/${encodeURIComponent(outflow?.caseId ?? '')}/steps`, {
          step: 'sts_involved',
        })
      ).status,
    ).toBe(403);
  });

  it('makes no RMC report for a level 4 leaver with a diploma', async () => {
    await h.student('s-gijs', { ...mine, level: '4', birthDate: '2005-05-01' });
    await h.deliver(leftEvent('s-gijs', '2026-10-01'));
    await h.nightly('2026-10-01');
    const client = await api('2026-10-02T07:00:00Z');
    const [outflow] = ((await client.call('coachA', 'GET', '/api/coach/outflow-cases')).json as Cases).cases;
    expect(outflow).toMatchObject({ earlySchoolLeaver: false });
    expect(outflow?.steps.map((s) => s.step)).toEqual(['sts_involved', 'closed']);
    const rmc = await client.call(
      'coachA',
      'POST',
      `/api/cases/${encodeURIComponent(outflow?.caseId ?? '')}/steps`,
      {
        step: 'rmc_reported',
      },
    );
    expect(rmc.status).toBe(409);
    const csv = await client.call('officer', 'GET', '/api/duo/export.csv');
    expect(csv.text).not.toContain('s-gijs');
  });

  it('creates the RMC task a crash left out after the case was marked, and no second one', async () => {
    await h.student('s-hans', { ...mine, level: '2' });
    const caseId = 's-hans.outflow.2026-10-01';
    await createCase(h.table, {
      caseId,
      studentId: 's-hans',
      studentName: 'Student s-hans',
      teamId: 'team-ict',
      coachId: 'coach-a',
      leftOn: '2026-10-01',
      involveCounsellor: true,
      earlySchoolLeaver: true,
      steps: { rmc_reported: { by: 'coach-a', at: '2026-10-02T09:00:00Z' } },
      rmcTaskId: `${caseId}.rmc`,
      status: 'open',
      createdOn: '2026-10-01',
      version: 2,
      expiresAt: 4_102_444_800,
    });
    const retry = { caseId, note: '', actor: STAFF.coachA, now: new Date('2026-10-02T09:01:00Z') };
    await makeRmcReport(h.reportDeps(), retry);
    expect(await getTask(h.table, `${caseId}.rmc`)).toMatchObject({
      kind: 'duo_report',
      duo: { type: 'rmc' },
    });
    await expect(makeRmcReport(h.reportDeps(), retry)).rejects.toThrow(/already done/);
  });
});
