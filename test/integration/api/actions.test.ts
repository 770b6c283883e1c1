import { describe, expect, it } from 'vitest';
import { getMail } from '../../../functions/store/outbox-repository';
import { getTask, listTasksForRole } from '../../../functions/store/tasks-repository';
import { type apiClient, DASHBOARD_URL, STAFF, useSeededApi } from './fixture';

const sys = useSeededApi();

describe('a coach handling a 16-hour report through the API', () => {
  it('shows the lessons behind the report with the rule that made each unauthorized', async () => {
    const res = await sys.api.call('coachA', 'GET', '/api/reports/r-a-03');
    expect(res.status).toBe(200);
    expect(res.json.lessons).toEqual([
      { date: '2026-11-02', start: '08:30', end: '10:00', minutesMissed: 90, ruleId: 'truancy' },
    ]);
  });

  it('refuses an action without an explanation and leaves the report open', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-a-04/action', {
      action: 'duo',
      explanation: ' ',
    });
    expect(res.status).toBe(400);
    expect((await sys.api.call('coachA', 'GET', '/api/reports/r-a-04')).json.status).toBe('open');
  });

  it('keeps a coach conversation open until "actie afgerond", then it leaves the open list', async () => {
    const applied = await sys.api.call('coachA', 'POST', '/api/reports/r-a-05/action', {
      action: 'coach_conversation',
      explanation: 'Gesprek op maandag.',
    });
    expect(applied.status).toBe(200);
    expect(applied.json.status).toBe('conversation');
    const open = async () => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await sys.api.call(
          'coachA',
          'GET',
          `/api/coach${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        ids.push(...page.json.reports.map((r: { reportId: string }) => r.reportId));
        cursor = page.json.nextCursor;
      } while (cursor);
      return ids;
    };
    expect(await open()).toContain('r-a-05');
    const done = await sys.api.call('coachA', 'POST', '/api/reports/r-a-05/complete', {
      outcome: 'Afspraken gemaakt.',
    });
    expect(done.json.status).toBe('handled');
    expect(await open()).not.toContain('r-a-05');
    expect(done.json.history.map((h: { what: string }) => h.what)).toEqual(['action', 'completed']);
  });

  it("sends a DUO report to the attendance officer, who records DUO's status and exports it", async () => {
    const applied = await sys.api.call('coachA', 'POST', '/api/reports/r-a-06/action', {
      action: 'duo',
      explanation: 'Geen reactie op uitnodigingen.',
    });
    expect(applied.json.status).toBe('handled');
    const tasks = await listTasksForRole(sys.table, 'attendance_officer', 'open');
    const duo = tasks.find((t) => t.reportId === 'r-a-06');
    expect(duo?.kind).toBe('duo_report');
    const csv = await sys.api.call('officer', 'GET', '/api/duo/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Sam Aalders');
    expect(csv.text.split('\n')[0]).toContain('studentnummer');
    const recorded = await sys.api.call('officer', 'POST', `/api/tasks/${duo?.taskId}/duo`, {
      status: 'registered',
    });
    expect(recorded.status).toBe(200);
    expect((await getTask(sys.table, duo?.taskId as string))?.duoRecord?.status).toBe('registered');
    // Once DUO registered it, the export shows it with DUO's status (and its end date later).
    const line = (await sys.api.call('officer', 'GET', '/api/duo/export.csv')).text
      .split('\n')
      .find((l) => l.includes('Sam Aalders'));
    expect(line).toContain(';geregistreerd;');
    expect(
      (await sys.api.call('front', 'POST', `/api/tasks/${duo?.taskId}/duo`, { status: 'closed' })).status,
    ).toBe(403);
  });

  it("publishes report.handled and mails the attendance officer's task when a coach chooses DUO", async () => {
    const before = sys.api.bus.published.length;
    const applied = await sys.api.call('coachA', 'POST', '/api/reports/r-a-07/action', {
      action: 'duo',
      explanation: 'Ouders niet bereikbaar.',
    });
    expect(applied.status).toBe(200);
    expect(sys.api.bus.published.slice(before)).toEqual([
      expect.objectContaining({
        type: 'report.handled',
        reportId: 'r-a-07',
        studentId: 's-a',
        teamId: 'team-a',
        action: 'duo',
        by: STAFF.coachA.staffId,
      }),
      // The task mailer's cue (not subscribed here: test/acceptance/task-mails.test.ts sends it).
      expect.objectContaining({
        type: 'task.created',
        kind: 'duo_report',
        studentId: 's-a',
        teamId: 'team-a',
      }),
    ]);
    const task = (await listTasksForRole(sys.table, 'attendance_officer', 'open')).find(
      (t) => t.reportId === 'r-a-07',
    );
    const mail = await getMail(sys.table, `${task?.taskId}:${STAFF.officer.staffId}`);
    expect(mail?.to).toEqual([STAFF.officer.email]);
    expect(mail?.status).toBe('unsent'); // recorded by the API; the task mailer (or the nightly run) sends it
    expect(mail?.subject).toBe('Nieuwe taak: Sam Aalders');
    expect(mail?.text).toContain('DUO');
    // The link opens the task itself, not the whole worklist.
    expect(mail?.text).toContain(`${DASHBOARD_URL}/#/taken/${task?.taskId}`);
  });

  it('publishes report.handled when a coach completes the conversation', async () => {
    await sys.api.call('coachA', 'POST', '/api/reports/r-a-08/action', {
      action: 'coach_conversation',
      explanation: 'Gesprek gepland.',
    });
    expect(sys.api.bus.published.some((e) => e.type === 'report.handled' && e.reportId === 'r-a-08')).toBe(
      false,
    );
    await sys.api.call('coachA', 'POST', '/api/reports/r-a-08/complete', { outcome: 'Komt weer.' });
    expect(
      sys.api.bus.published.filter((e) => e.type === 'report.handled' && e.reportId === 'r-a-08'),
    ).toHaveLength(1);
  });

  it('answers 409 when a handled report is acted on again', async () => {
    const again = await sys.api.call('coachA', 'POST', '/api/reports/r-a-06/action', {
      action: 'officer_question',
      explanation: 'Nog een vraag.',
    });
    expect(again.status).toBe(409);
  });

  it('lets a coach refer their own student to the attendance officer', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/students/s-a/referrals', {
      category: 'officer_conversation',
      explanation: 'Student lijkt vast te lopen.',
    });
    expect(res.status).toBe(200);
    expect((await getMail(sys.table, `${res.json.taskId}:${STAFF.officer.staffId}`))?.to).toEqual([
      STAFF.officer.email,
    ]);
    const list = await sys.api.call('officer', 'GET', '/api/worklist?kind=officer_conversation');
    expect(
      list.json.items.some((t: { taskId: string; explanation: string }) => t.taskId === res.json.taskId),
    ).toBe(true);
    // The referral "Verzuimgesprek" is the same case as the coach's action: planning comes first.
    const detail = await sys.api.call('officer', 'GET', `/api/tasks/${res.json.taskId}`);
    expect(detail.json.flow).toBe('officer_conversation');
    expect(detail.json.steps[0]).toMatchObject({ key: 'plan', state: 'current', asksDate: true });
  });

  it('lets front office close a correction task, and nothing else', async () => {
    expect(
      (await sys.api.call('front', 'POST', '/api/tasks/t-correction/status', { status: 'done' })).status,
    ).toBe(200);
    expect(
      (await sys.api.call('front', 'POST', '/api/tasks/t-question/status', { status: 'done' })).status,
    ).toBe(403); // a task outside front office's scope is answered like one that does not exist
  });
});

describe('local sign-in', () => {
  it('lists the staff and issues a token that the API accepts', async () => {
    const list = await sys.api.call(null, 'GET', '/api/auth/local/staff');
    expect(list.json.staff.map((s: { staffId: string }) => s.staffId)).toContain('coach-a');
    const issued = await sys.api.call(null, 'POST', '/api/auth/local/token', { staffId: 'coach-a' });
    expect(issued.status).toBe(200);
    const me = await (sys.api as Awaited<ReturnType<typeof apiClient>>).raw({
      rawPath: '/api/me',
      headers: { authorization: `Bearer ${issued.json.token}` },
      requestContext: { http: { method: 'GET' } },
    } as never);
    expect(JSON.parse(String(me.body))).toMatchObject({ staffId: 'coach-a', roles: ['coach'] });
  });
});
