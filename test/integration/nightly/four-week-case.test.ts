/**
 * The 4-week report's case (policy appendix 4 §2; issue #14) walked through the real webhook,
 * nightly run and API on dynalite and aws-ses-v2-local: the signal opens the case, the nightly run
 * reminds the attendance officer on the day a step falls due (across Christmas and the Christmas
 * holiday), the officer completes the five steps, the invitation letter is stored and listed for
 * the auditor, the DUO task of type long absence is made, and the coach is mailed at the close.
 */
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../functions/api/app';
import { apiEnv } from '../../../functions/api/config';
import { issueLocalToken } from '../../../functions/auth/local-issuer';
import { loadOrCreateLocalKey } from '../../../functions/auth/local-keys';
import { parseEnv } from '../../../functions/config';
import { getTask, listTasksForRole } from '../../../functions/store/tasks-repository';
import { createApiDeps } from '../../../functions/wiring/api';
import { startedForEachTest } from '../../support/started';
import { coachEmail, DASHBOARD, day, type Harness, officer, officerEmail, startHarness } from './harness';

const h = startedForEachTest(startHarness);

/** The API on the harness's table, its clock at noon of `date`, called as the attendance officer. */
async function officerApi(harness: Harness, date: string) {
  const key = await loadOrCreateLocalKey({});
  const env = parseEnv(apiEnv, {
    TABLE_NAME: harness.table.tableName,
    AUTH_MODE: 'local',
    DASHBOARD_URL: DASHBOARD,
    LOCAL_AUTH_PRIVATE_JWK: JSON.stringify(key.privateJwk),
  });
  const handle = createApi(
    await createApiDeps(env, { store: harness.table, now: () => new Date(`${date}T11:00:00Z`) }),
  );
  const token = await issueLocalToken(
    key.privateJwk,
    { staffId: officer.staffId, email: officer.email, roles: ['attendance_officer'] },
    new Date(),
  );
  return async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const [rawPath = '', rawQuery = ''] = path.split('?');
    const res = await handle({
      rawPath,
      headers: { authorization: `Bearer ${token}` },
      ...(rawQuery ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQuery)) } : {}),
      requestContext: { http: { method, path: rawPath } },
      body: body === undefined ? undefined : JSON.stringify(body),
      isBase64Encoded: false,
    } as never);
    const text = String(res.body ?? '');
    const isJson = String(res.headers?.['content-type'] ?? '').startsWith('application/json');
    return { status: res.statusCode ?? 0, json: isJson && text ? JSON.parse(text) : undefined, text };
  };
}

const stepMails = async (harness: Harness) =>
  (await harness.mailsTo(officerEmail)).filter((m) => m.subject.startsWith('Stap te doen'));

/** Lessons on Mondays only, all missed from 23 November: the 20th school day of the run is Friday 18 December. */
async function fourWeeksAway(harness: Harness, studentId: string, data: Record<string, unknown> = {}) {
  await harness.student(studentId, data);
  await harness.deliver(
    ...day(studentId, '2026-11-23'),
    ...day(studentId, '2026-11-30'),
    ...day(studentId, '2026-12-07'),
    ...day(studentId, '2026-12-14'),
  );
}

describe('the 4-week report case', () => {
  it('opens with the signal and reminds the officer once, on the day its first step falls due after Christmas', async () => {
    await fourWeeksAway(h, 's-lot');
    // The first run that sees it is on Wednesday 23 December, in the Christmas holiday.
    await h.nightly('2026-12-23');
    const [task] = (await listTasksForRole(h.table, 'attendance_officer', 'open')).filter(
      (t) => t.kind === 'signal4w',
    );
    expect(task?.flow).toBe('four_week');
    expect(task?.period).toEqual({ from: '2026-11-23', to: '2026-12-18' });
    // 2 working days: Thursday 24, then Friday 25 (Christmas) and the weekend are off: Monday 28.
    expect(task?.dueDate).toBe('2026-12-28');
    await h.nightly('2026-12-24');
    await h.nightly('2026-12-27');
    expect(await stepMails(h)).toHaveLength(0);
    await h.nightly('2026-12-28');
    const reminded = await stepMails(h);
    expect(reminded.map((m) => m.subject)).toEqual(['Stap te doen: Student s-lot']);
    expect(reminded[0]?.body.text).toContain('Klopt dit verzuim?');
    expect(reminded[0]?.body.text).toContain(`/#/taken/${task?.taskId}`);
    // A rerun of the same date and the nights after send nothing again for this step.
    await h.nightly('2026-12-28');
    await h.nightly('2026-12-29');
    expect(await stepMails(h)).toHaveLength(1);
    const api = await officerApi(h, '2026-12-29');
    const detail = await api('GET', `/api/tasks/${task?.taskId}`);
    expect(detail.json.steps[0]).toMatchObject({
      key: 'check',
      state: 'current',
      dueOn: '2026-12-28',
      overdue: true,
    });
  });

  it('walks the five steps to a DUO report for the LPA; the letter is archived and the coach told at the close', async () => {
    await fourWeeksAway(h, 's-lot');
    await h.nightly('2026-12-23');
    const taskId = (await listTasksForRole(h.table, 'attendance_officer', 'open')).find(
      (t) => t.kind === 'signal4w',
    )?.taskId as string;
    const step = async (date: string, body: Record<string, unknown>) => {
      const res = await (await officerApi(h, date))('POST', `/api/tasks/${taskId}/steps`, body);
      expect(res.status, res.text).toBe(200);
      return res.json;
    };

    const wrong = await (await officerApi(h, '2026-12-28'))('POST', `/api/tasks/${taskId}/steps`, {
      step: 'decision',
      outcome: 'duo_report',
    });
    expect(wrong.status).toBe(409);
    expect(wrong.json).toMatchObject({
      code: 'step_not_current',
      values: { step: 'decision', current: 'check' },
    });

    await step('2026-12-28', {
      step: 'check',
      outcome: 'confirmed',
      note: 'Coach: niet op school, geen bericht.',
    });
    const invited = await step('2027-01-05', {
      step: 'invitation',
      outcome: 'sent',
      date: '2027-01-07',
      note: '10.00 uur, lokaal B1.12',
    });
    expect(invited.steps.find((s: { key: string }) => s.key === 'conversation')).toMatchObject({
      state: 'current',
      dueOn: '2027-01-07',
    });
    expect(invited.letters).toHaveLength(1);
    const letterId = invited.letters[0].letterId;

    // The auditor's archive: the letter listed with its date, student and task, and its text.
    const api = await officerApi(h, '2027-01-06');
    const list = await api('GET', '/api/letters?from=2027-01-01&to=2027-01-31');
    expect(list.json.items).toEqual([
      expect.objectContaining({
        letterId,
        createdOn: '2027-01-05',
        taskId,
        student: expect.objectContaining({ studentId: 's-lot', displayName: 'Student s-lot' }),
      }),
    ]);
    const letter = await api('GET', `/api/letters/${letterId}`);
    expect(letter.json.html).toContain('Beste Student s-lot');
    expect(letter.json.html).toContain('7 januari 2027');
    expect(letter.json.html).toContain('10.00 uur, lokaal B1.12');
    expect(letter.json.html).toContain('leerplichtambtenaar');

    const noShow = await step('2027-01-07', { step: 'conversation', outcome: 'no_show' });
    // Followed 3 school weeks even though the student did not come.
    expect(noShow.steps.find((s: { key: string }) => s.key === 'follow')).toMatchObject({
      state: 'current',
      dueOn: '2027-01-28',
    });
    expect(noShow.attendance.map((w: { weekStart: string }) => w.weekStart)).toEqual(['2027-01-04']);

    await step('2027-01-28', { step: 'follow', outcome: 'no_change' });
    const followed = await (await officerApi(h, '2027-01-28'))('GET', `/api/tasks/${taskId}`);
    expect(followed.json.attendance.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
      '2027-01-25',
    ]);
    expect(followed.json.duo).toEqual({ recipient: 'LPA', studyFinance: false, taskId: null });

    const closed = await step('2027-01-29', { step: 'decision', outcome: 'duo_report', note: 'onbekend' });
    expect(closed.status).toBe('done');
    expect(closed.duo.taskId).toBe(`${taskId}.duo`);
    const duoTask = await getTask(h.table, `${taskId}.duo`);
    expect(duoTask?.duo).toMatchObject({
      type: 'long_absence',
      addressee: 'lpa',
      from: '2026-11-23',
      to: '2027-01-29',
      reporter: { staffId: officer.staffId, role: 'attendance_officer' },
    });
    expect(duoTask?.duo?.actionTaken).toContain('Student niet verschenen');
    const csv = await (await officerApi(h, '2027-01-29'))('GET', '/api/duo/export.csv');
    // The export speaks Dutch: the type and the recipient as DUO names them.
    expect(csv.text).toContain('Langdurig relatief verzuim (langer dan 4 weken);Leerplichtambtenaar (LPA)');

    // The coach hears of the case only now, when it closes; the nightly run sends the mail.
    expect((await h.mailsTo(coachEmail)).filter((m) => m.subject.startsWith('Zaak afgerond'))).toHaveLength(
      0,
    );
    await h.nightly('2027-01-29');
    const told = (await h.mailsTo(coachEmail)).filter((m) => m.subject.startsWith('Zaak afgerond'));
    expect(told.map((m) => m.subject)).toEqual(['Zaak afgerond: Student s-lot']);
    expect(told[0]?.body.text).toContain('Melden bij DUO');
    expect(told[0]?.body.text).toContain('leerplichtambtenaar');
  });

  it('reports a student of 19 without a starting qualification to the RMC, noting studiefinanciering', async () => {
    await fourWeeksAway(h, 's-rik', { birthDate: '2007-05-01' });
    await h.nightly('2026-12-23');
    const taskId = (await listTasksForRole(h.table, 'attendance_officer', 'open')).find(
      (t) => t.kind === 'signal4w',
    )?.taskId as string;
    const steps: [string, Record<string, unknown>][] = [
      ['2026-12-28', { step: 'check', outcome: 'confirmed' }],
      ['2027-01-05', { step: 'invitation', outcome: 'sent', date: '2027-01-07' }],
      ['2027-01-07', { step: 'conversation', outcome: 'held' }],
      ['2027-01-28', { step: 'follow', outcome: 'no_change' }],
      ['2027-01-29', { step: 'decision', outcome: 'duo_report' }],
    ];
    for (const [date, body] of steps) {
      expect((await (await officerApi(h, date))('POST', `/api/tasks/${taskId}/steps`, body)).status).toBe(
        200,
      );
    }
    const duoTask = await getTask(h.table, `${taskId}.duo`);
    expect(duoTask?.duo?.addressee).toBe('rmc');
    expect(duoTask?.explanation).toContain('studiefinanciering');
    await h.nightly('2027-01-29');
    const [told] = (await h.mailsTo(coachEmail)).filter((m) => m.subject.startsWith('Zaak afgerond'));
    expect(told?.body.text).toContain('RMC');
    expect(told?.body.text).toContain('studiefinanciering');
  });

  it('refuses a DUO report where none applies (23 or older) and closes the case with a reason instead', async () => {
    await fourWeeksAway(h, 's-oud', { birthDate: '2001-05-01' });
    await h.nightly('2026-12-23');
    const taskId = (await listTasksForRole(h.table, 'attendance_officer', 'open')).find(
      (t) => t.kind === 'signal4w',
    )?.taskId as string;
    const api = await officerApi(h, '2026-12-28');
    await api('POST', `/api/tasks/${taskId}/steps`, { step: 'check', outcome: 'confirmed' });
    await api('POST', `/api/tasks/${taskId}/steps`, {
      step: 'invitation',
      outcome: 'sent',
      date: '2027-01-07',
    });
    await api('POST', `/api/tasks/${taskId}/steps`, { step: 'conversation', outcome: 'held' });
    await api('POST', `/api/tasks/${taskId}/steps`, { step: 'follow', outcome: 'no_change' });
    const refused = await api('POST', `/api/tasks/${taskId}/steps`, {
      step: 'decision',
      outcome: 'duo_report',
    });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('no_duo_recipient');
    const noReason = await api('POST', `/api/tasks/${taskId}/steps`, { step: 'decision', outcome: 'closed' });
    expect(noReason.json.code).toBe('step_note_required');
    const closed = await api('POST', `/api/tasks/${taskId}/steps`, {
      step: 'decision',
      outcome: 'closed',
      note: 'Student heeft zich uitgeschreven.',
    });
    expect(closed.json.status).toBe('done');
    expect(await getTask(h.table, `${taskId}.duo`)).toBeUndefined();
  });
});
