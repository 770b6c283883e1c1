import { beforeAll, describe, expect, it } from 'vitest';
import { createReport } from '../../../functions/store/reports-repository';
import { putStudent } from '../../../functions/store/students';
import { addDays, report, STAFF, useSeededApi } from './fixture';

const sys = useSeededApi();
const today = '2026-11-20';

/** Students of coach A whose age and start qualification give each legal outcome on the report's date. */
const students = [
  { studentId: 's-rmc', displayName: 'Rik Maas', birthDate: '2006-01-10', startQualification: false },
  { studentId: 's-old', displayName: 'Olga Oud', birthDate: '2001-01-10', startQualification: false },
  { studentId: 's-sq', displayName: 'Sem Kwalificatie', birthDate: '2007-05-01', startQualification: true },
];

beforeAll(async () => {
  const meta = (id: string) => ({ version: 1, eventIds: [`evt-${id}`], expiresAt: 4_102_444_800 });
  for (const s of students) {
    await putStudent(
      sys.table,
      {
        ...s,
        email: `${s.studentId}@student.example`,
        teamId: 'team-a',
        coachId: 'coach-a',
        level: '2',
        pathway: 'BOL',
        routeX: false,
        enrolledFrom: '2025-08-18',
      },
      meta(s.studentId),
    );
    const addressee = s.studentId === 's-rmc' ? 'rmc' : 'none';
    await createReport(sys.table, {
      ...report(`r-${s.studentId}`, s.studentId, 'team-a', 'coach-a', addDays(today, -2), today),
      studentName: s.displayName,
      addressee,
    });
  }
  await createReport(sys.table, {
    ...report('r-routex', 's-a', 'team-a', 'coach-a', addDays(today, -2), today),
    routeX: true,
  });
});

const get = async (id: string) => (await sys.api.call('coachA', 'GET', `/api/reports/${id}`)).json;

describe('the legal consequence of a report, computed by the API before the coach chooses', () => {
  it('LPA for a student under 18 (kwalificatieplichtig)', async () => {
    expect((await get('r-a-10')).legal).toEqual({
      outcome: 'lpa',
      status: 'kwalificatieplichtig',
      age: 17,
      startQualification: false,
    });
  });

  it('RMC for a student of 18 to 23 without a start qualification', async () => {
    expect((await get('r-s-rmc')).legal).toMatchObject({ outcome: 'rmc', status: 'rmc', age: 20 });
  });

  it('no legal report for a student of 23 or older, or one with a start qualification', async () => {
    expect((await get('r-s-old')).legal).toMatchObject({
      outcome: 'none',
      age: 25,
      startQualification: false,
    });
    expect((await get('r-s-sq')).legal).toMatchObject({ outcome: 'none', age: 19, startQualification: true });
  });

  it('Route-X: the internal norm, never DUO, whatever the age', async () => {
    expect((await get('r-routex')).legal).toMatchObject({ outcome: 'route_x', age: 17 });
  });
});

describe("the API's refusals name their reason with a code the dashboard puts in Dutch", () => {
  it('DUO for a Route-X report', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-routex/action', {
      action: 'duo',
      explanation: 'Melden.',
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('duo_route_x');
  });

  it('DUO for a student no legal report applies to', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-s-old/action', {
      action: 'duo',
      explanation: 'Melden.',
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('no_legal_report');
  });

  it('a second conversation while one is under way, and an action on a handled report', async () => {
    const body = { action: 'coach_conversation', explanation: 'Gesprek.' };
    expect((await sys.api.call('coachA', 'POST', '/api/reports/r-a-11/action', body)).status).toBe(200);
    const again = await sys.api.call('coachA', 'POST', '/api/reports/r-a-11/action', body);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('conversation_under_way');
    await sys.api.call('coachA', 'POST', '/api/reports/r-a-12/action', {
      action: 'correction',
      explanation: 'x',
    });
    const handled = await sys.api.call('coachA', 'POST', '/api/reports/r-a-12/action', body);
    expect(handled.status).toBe(409);
    expect(handled.json.code).toBe('report_already_handled');
  });

  it('an invalid body (an empty explanation)', async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-a-13/action', {
      action: 'duo',
      explanation: ' ',
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('invalid_body');
  });
});

describe('"Actie afgerond" and the history', () => {
  it('asks for an outcome: refused without one', async () => {
    await sys.api.call('coachA', 'POST', '/api/reports/r-a-14/action', {
      action: 'coach_conversation',
      explanation: 'Gesprek gepland.',
    });
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-a-14/complete', {});
    expect(res.status).toBe(400);
    expect((await get('r-a-14')).status).toBe('conversation');
  });

  it('is not logged as a second conversation: the history shows the conversation once and its outcome, by name', async () => {
    await sys.api.call('coachA', 'POST', '/api/reports/r-a-15/action', {
      action: 'coach_conversation',
      explanation: 'Gesprek gepland.',
    });
    const done = await sys.api.call('coachA', 'POST', '/api/reports/r-a-15/complete', {
      outcome: 'Afspraken over op tijd komen.',
    });
    expect(done.status).toBe(200);
    const history = done.json.history as {
      action?: string;
      what: string;
      byName?: string;
      outcome?: string;
    }[];
    expect(history.filter((h) => h.action === 'coach_conversation')).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({
      what: 'completed',
      outcome: 'Afspraken over op tijd komen.',
      byName: STAFF.coachA.name,
      statusBefore: 'conversation',
      statusAfter: 'handled',
    });
    expect(history[0]).toMatchObject({
      byName: STAFF.coachA.name,
      statusBefore: 'open',
      statusAfter: 'conversation',
    });
  });
});

describe('the next open report', () => {
  it("is the coach's open report due first, other than this one", async () => {
    const res = await sys.api.call('coachA', 'POST', '/api/reports/r-a-16/action', {
      action: 'officer_question',
      explanation: 'Vraag.',
    });
    // r-a-27 is the only one overdue (due yesterday); the others are due today.
    expect(res.json.nextOpenReportId).toBe('r-a-27');
    expect((await get('r-a-27')).nextOpenReportId).not.toBe('r-a-27');
  });

  it("is not given to someone who is not the student's coach", async () => {
    const res = await sys.api.call('manager', 'GET', '/api/reports/r-a-17');
    expect(res.json.nextOpenReportId ?? null).toBeNull();
  });
});
