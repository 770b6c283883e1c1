/**
 * #13, the coach's lists through the API on dynalite: open reports grouped by student, one
 * action on several reports (each its own commit and audit entry, refusals in Dutch), and
 * "Mijn studenten" with the window's hours and the "bijna 8 / 16 uur" marks, coach-scoped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../functions/store/audit-repository';
import { saveSignalState } from '../../../functions/store/signal-state-repository';
import { putStudent } from '../../../functions/store/students';
import { liveVersion, writeRegistrations } from '../../../functions/usecases/ingest/write-registrations';
import { initialSignalState } from '../../../shared/policy';
import { useSeededApi } from './fixture';

const sys = useSeededApi();
const EXPIRES_AT = 4_102_444_800;

async function addStudent(studentId: string, displayName: string, truancy: [string, string, string][]) {
  await putStudent(
    sys.table,
    {
      studentId,
      displayName,
      email: `${studentId}@student.example`,
      birthDate: '2009-03-01',
      teamId: 'team-a',
      coachId: 'coach-a',
      level: '2',
      pathway: 'BOL',
      routeX: false,
      startQualification: false,
      enrolledFrom: '2025-08-18',
    },
    { version: 1, eventIds: [`evt-${studentId}`], expiresAt: EXPIRES_AT },
  );
  const changed = truancy.map(([date, start, end], i) => {
    const minutes = (Number(end.slice(0, 2)) - Number(start.slice(0, 2))) * 60;
    return liveVersion(
      {
        registrationId: `${studentId}-reg-${i}`,
        revision: 1,
        studentId,
        date,
        status: 'absent',
        start,
        end,
        reason: 'truancy',
        classification: {
          kind: 'unauthorized',
          minutesMissed: minutes,
          lessonMinutes: minutes,
          ruleId: 'truancy',
          sick: false,
        },
      },
      { expiresAt: EXPIRES_AT },
    );
  });
  await writeRegistrations(sys.table, new Date(), { changed }, new Map());
}

beforeAll(async () => {
  // Today is Friday 20 November 2026 (the fixture's clock).
  await addStudent('s-c', 'Cas Claassen', [['2026-11-18', '08:00', '14:00']]); // 6 hours: bijna 8
  await addStudent('s-d', 'Dewi Dekker', [
    ['2026-11-16', '08:00', '16:00'],
    ['2026-11-17', '08:00', '15:00'],
  ]); // 15 hours, the 8-hour signal sent: bijna 16
  await saveSignalState(
    sys.table,
    's-d',
    {
      state: { ...initialSignalState, signal8Through: '2026-11-16' },
      watchedReports: [],
      evaluatedOn: '2026-11-19',
      recheckOn: null,
    },
    true,
    EXPIRES_AT,
  );
});

describe("the coach's open reports grouped by student", () => {
  it('groups every open report of the coach by student, counting the overdue ones', async () => {
    const page = await sys.api.call('coachA', 'GET', '/api/coach');
    expect(page.status).toBe(200);
    expect(page.json.groups.map((g: { student: { studentId: string } }) => g.student.studentId)).toEqual([
      's-a',
    ]);
    const [group] = page.json.groups;
    expect(group).toMatchObject({ open: 55, overdue: 1, fourWeekSignal: false, leftOn: null });
    expect(group.reports[0].reportId).toBe('r-a-27'); // the overdue one first
  });
});

describe('one action on several reports', () => {
  it('applies it to each through the same use case, each audited, and refuses the one outside the scope in Dutch', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/bulk-action', {
      reportIds: ['r-a-40', 'r-a-41', 'r-b'],
      action: 'officer_question',
      explanation: 'Drie keer niet gekomen; graag een vraag aan de student.',
    });
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([
      { reportId: 'r-a-40', ok: true },
      { reportId: 'r-a-41', ok: true },
      { reportId: 'r-b', ok: false, reason: 'Deze melding bestaat niet of hoort niet bij jouw studenten.' },
    ]);
    for (const id of ['r-a-40', 'r-a-41']) {
      expect((await sys.api.call('coachA', 'GET', `/api/reports/${id}`)).json.status).toBe('handled');
      const trail = await listAudit(sys.table, 'report', id);
      expect(
        trail.map((e) => [
          e.by,
          (e.before as { status: string }).status,
          (e.after as { status: string }).status,
        ]),
      ).toEqual([['coach-a', 'open', 'handled']]);
    }
    expect((await sys.api.call('officer', 'GET', '/api/reports/r-b')).json.status).toBe('open');
    const refusals = await listAudit(sys.table, 'student', 'staff:coach-a');
    expect(refusals.map((e) => e.what)).toContain('refused bulkAction:report:r-b');
  });

  it('refuses a report already handled, with the reason, and applies the rest', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/bulk-action', {
      reportIds: ['r-a-40', 'r-a-42'],
      action: 'duo',
      explanation: 'Melden.',
    });
    expect(res.json.results).toEqual([
      { reportId: 'r-a-40', ok: false, reason: 'Deze melding is al behandeld.' },
      { reportId: 'r-a-42', ok: true },
    ]);
    expect(await listAudit(sys.table, 'report', 'r-a-40')).toHaveLength(1);
  });

  it('is for coaches only', async () => {
    const res = await sys.api.call('officer', 'POST', '/api/reports/bulk-action', {
      reportIds: ['r-a-43'],
      action: 'duo',
      explanation: 'x',
    });
    expect(res.status).toBe(403);
  });
});

describe('Mijn studenten', () => {
  it("shows each own student's hours in the window, the last signal in Dutch, and the marks", async () => {
    const res = await sys.api.call('coachA', 'GET', '/api/coach/students');
    expect(res.status).toBe(200);
    const rows = Object.fromEntries(
      res.json.students.map((r: { student: { studentId: string } }) => [r.student.studentId, r]),
    );
    expect(Object.keys(rows).sort()).toEqual(['s-a', 's-c', 's-d']);
    expect(rows['s-a']).toMatchObject({
      unauthorizedMinutes: 90,
      marks: [],
      lastSignal: null,
      teamName: 'Techniek A',
    });
    expect(rows['s-c']).toMatchObject({ unauthorizedMinutes: 360, marks: ['near8'], signal8Sent: false });
    expect(rows['s-d']).toMatchObject({
      unauthorizedMinutes: 900,
      marks: ['near16'],
      signal8Sent: true,
      lastSignal: { kind: 'signal8', date: '2026-11-16', text: '8-uurssignaal' },
    });
  });

  it('shows another coach only their own students', async () => {
    const res = await sys.api.call('coachB', 'GET', '/api/coach/students');
    expect(res.json.students.map((r: { student: { studentId: string } }) => r.student.studentId)).toEqual([
      's-b',
    ]);
    expect((await sys.api.call('manager', 'GET', '/api/coach/students')).status).toBe(403);
  });
});

describe('the student page', () => {
  it('names the team, gives signals their Dutch text and shows the referral history by name', async () => {
    const referred = await sys.api.call('coachA', 'POST', '/api/students/s-c/referrals', {
      category: 'home_visit',
      explanation: 'Niet bereikbaar.',
    });
    expect(referred.status).toBe(200);
    const page = await sys.api.call('coachA', 'GET', '/api/students/s-c');
    expect(page.json.student.teamName).toBe('Techniek A');
    expect(page.json.referrals).toEqual([
      {
        taskId: referred.json.taskId,
        category: 'home_visit',
        at: expect.any(String),
        byName: 'Anna Coach',
        status: 'open',
      },
    ]);
    const d = await sys.api.call('coachA', 'GET', '/api/students/s-d');
    expect(d.json.signals).toEqual([{ kind: 'signal8', date: '2026-11-16', text: '8-uurssignaal' }]);
  });
});
