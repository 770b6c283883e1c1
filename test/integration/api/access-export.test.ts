/**
 * Issue #16, "The student's rights (AVG)": the access export (art. 15). Two students of one team
 * go through the real webhook, two nightly runs (8-hour signals and list, 16-hour reports, mails,
 * a combined mail to the coach), a report action, a case's steps and a letter; the attendance
 * officer's export of the first holds every kind of item and nothing of the second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUR_WEEK_FLOW } from '../../../functions/domain/flows/four-week';
import { startFlow } from '../../../functions/domain/steps';
import { newTask, type Task } from '../../../functions/domain/task';
import { listStudentAudit } from '../../../functions/store/audit-repository';
import { putStaff } from '../../../functions/store/staff';
import { createTask } from '../../../functions/store/tasks-repository';
import { applyReportAction } from '../../../functions/usecases/reports/actions';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { AccessExport } from '../../../shared/api/access-export';
import { defaultCalendar } from '../../../shared/calendar';
import { coach, day, type Harness, startHarness } from '../nightly/harness';
import { apiClient, type Client, STAFF } from './fixture';

const ONE = {
  id: 's-one',
  name: 'Sanne Eerst',
  guardian: 'ouder.eerst@mail.example',
  educationNumber: '123456782',
};
const TWO = {
  id: 's-two',
  name: 'Tim Tweede',
  guardian: 'ouder.tweede@mail.example',
  educationNumber: '987654321',
};

let h: Harness;
let api: Client;

async function fourWeekCaseWithLetter(studentId: string, studentName: string): Promise<string> {
  const taskId = `t-4w-${studentId}`;
  const task = newTask({
    taskId,
    kind: 'signal4w',
    about: { studentId, studentName, teamId: 'team-ict' },
    createdOn: '2026-11-19',
  });
  await createTask(h.table, {
    ...startFlow(defaultCalendar, FOUR_WEEK_FLOW, task),
    expiresAt: 4_102_444_800,
  } as Task & { expiresAt: number });
  const check = await api.call('officer', 'POST', `/api/tasks/${taskId}/steps`, {
    step: 'check',
    outcome: 'confirmed',
    note: `Coach bevestigt afwezigheid van ${studentName}.`,
  });
  expect(check.status).toBe(200);
  const invite = await api.call('officer', 'POST', `/api/tasks/${taskId}/steps`, {
    step: 'invitation',
    outcome: 'sent',
    date: '2026-11-26',
  });
  expect(invite.status).toBe(200);
  return taskId;
}

beforeAll(async () => {
  h = await startHarness();
  for (const s of Object.values(STAFF))
    await putStaff(
      h.table,
      { ...s, roles: [...s.roles], orgUnitIds: [...s.orgUnitIds] },
      {
        version: 1,
        eventIds: [`evt-${s.staffId}`],
      },
    );
  api = await apiClient(h.table);
  for (const s of [ONE, TWO]) {
    await h.student(s.id, {
      displayName: s.name,
      guardianEmail: s.guardian,
      educationNumber: s.educationNumber,
    });
    await h.deliver(...day(s.id, '2026-09-10'), ...day(s.id, '2026-09-11'));
  }
  await h.nightly('2026-09-10', { mailGuardians: true });
  await h.nightly('2026-09-11', { mailGuardians: true });
  for (const report of await listOpenReports(h.table, 'team-ict')) {
    await applyReportAction(h.reportDeps(), {
      reportId: report.reportId,
      action: 'officer_conversation',
      explanation: `Graag een gesprek met ${report.studentName}.`,
      actor: coach,
      now: new Date('2026-09-14T08:00:00Z'),
    });
  }
  for (const s of [ONE, TWO]) await fourWeekCaseWithLetter(s.id, s.name);
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

const exportOf = async (studentId: string) => {
  const res = await api.call('officer', 'GET', `/api/students/${studentId}/access-export`);
  expect(res.status).toBe(200);
  return AccessExport.parse(res.json);
};

describe('the access export (AVG art. 15)', () => {
  it('holds every kind of item of the student and nothing of another student of the same team', async () => {
    const x = await exportOf(ONE.id);
    expect(x.student).toMatchObject({
      studentId: ONE.id,
      displayName: ONE.name,
      guardianEmail: ONE.guardian,
    });
    expect(x.exportedBy).toEqual({ staffId: 'vb-1', name: 'Olaf Officer' });
    // Held, but shown by its last three digits only: the whole number goes to DUO alone.
    expect(x.student.educationNumber).toBe('******782');
    expect(JSON.stringify(x)).not.toContain(ONE.educationNumber);

    expect(x.registrations).toHaveLength(8);
    expect(x.registrations.every((r) => r.lesson?.classification)).toBe(true);
    expect(x.registrations[0]?.lesson).toMatchObject({
      status: 'absent',
      start: '08:30',
      classification: { kind: 'unauthorized', minutesMissed: 120 },
    });

    expect(x.signalState).not.toBeNull();
    expect(x.eightHourLists).toEqual([
      expect.objectContaining({ createdOn: '2026-09-10', unauthorizedMinutes: 480 }),
    ]);

    expect(x.reports).toHaveLength(1);
    expect(x.reports[0]).toMatchObject({ status: 'handled', unauthorizedMinutes: 960 });
    expect(x.reports[0]?.actions[0]).toMatchObject({ action: 'officer_conversation', by: coach.staffId });

    const kinds = x.tasks.map((t) => t.kind).sort();
    expect(kinds).toEqual(['officer_conversation', 'signal4w']);
    const fourWeek = x.tasks.find((t) => t.kind === 'signal4w') as Record<string, unknown>;
    expect((fourWeek.steps as { key: string }[]).map((s) => s.key)).toEqual(['check', 'invitation']);

    expect(x.letters).toHaveLength(1);
    expect(x.letters[0]).toMatchObject({ studentId: ONE.id });

    expect(x.mails.length).toBeGreaterThan(0);
    const roles = new Set(x.mails.flatMap((m) => m.recipients));
    expect(roles).toEqual(new Set(['student', 'guardian', 'coach', 'attendance_officer']));
    const combined = x.mails.find((m) => m.otherStudents > 0);
    expect(combined?.subject).toBe(`2 16-uursmeldingen: ${ONE.name}`);
    expect(combined?.recipients).toEqual(['coach']);

    const what = x.audit.map((a) => a.what);
    expect(what).toEqual(expect.arrayContaining(['step check confirmed', 'step invitation sent']));
    expect(x.audit.every((a) => a.at && a.by && a.keptUntil)).toBe(true);

    const text = JSON.stringify(x);
    expect(text).not.toContain(TWO.id);
    expect(text).not.toContain(TWO.name);
    expect(text).not.toContain(TWO.guardian);
  });

  it('is a printable Dutch document with a heading per kind, Dutch dates and how to have data corrected', async () => {
    const res = await api.call('officer', 'GET', `/api/students/${ONE.id}/access-export?format=html`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    const html = res.text;
    for (const heading of [
      'Inzage in persoonsgegevens: Sanne Eerst',
      'Registraties per les',
      'Signalen (8 uur, 16 uur, 4 weken)',
      'Meldingen en hun afhandeling',
      'Taken en zaken',
      'Brieven',
      'Verzonden e-mails',
      'Wie deed of zag wat (audittrail)',
      'Kloppen de gegevens niet?',
    ])
      expect(html).toContain(`>${heading}</h`);
    expect(html).toContain('presentiesysteem');
    expect(html).toContain('Gemaakt op 20 november 2026, 11:00 door Olaf Officer');
    expect(html).toContain('10 september 2026');
    expect(html).toContain('ongeoorloofd');
    expect(html).toContain('afwezig');
    expect(html).not.toContain(ONE.educationNumber);
    expect(html).toContain('Graag een gesprek met Sanne Eerst.');
    expect(html).toContain('@media print');
    expect(html).not.toContain('<script');
    expect(html).not.toContain(TWO.name);
    expect(html).not.toContain(TWO.id);
  });

  it('is for the attendance officer only: a coach, a manager and the administrator get 403', async () => {
    for (const who of ['coachA', 'manager', 'admin', 'front'] as const)
      expect((await api.call(who, 'GET', `/api/students/${ONE.id}/access-export`)).status).toBe(403);
    expect((await api.call('officer', 'GET', '/api/students/nobody/access-export')).status).toBe(404);
    expect(
      (await api.call('officer', 'GET', `/api/students/${ONE.id}/access-export?format=pdf`)).status,
    ).toBe(400);
  });

  it('is audited as a read of the student, which the next export shows', async () => {
    const before = (await listStudentAudit(h.table, TWO.id)).length;
    await exportOf(TWO.id);
    const trail = await listStudentAudit(h.table, TWO.id);
    expect(trail).toHaveLength(before + 1);
    expect(trail.filter((e) => e.what === `read access-export:${TWO.id}`)).toEqual([
      expect.objectContaining({ by: 'vb-1', at: '2026-11-20T10:00:00.000Z' }),
    ]);
    const next = await exportOf(TWO.id);
    expect(next.audit.map((a) => a.what)).toContain(`read access-export:${TWO.id}`);
    expect(JSON.stringify(next)).not.toContain(ONE.name);
  });
});
