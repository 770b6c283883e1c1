/**
 * Acceptance scenarios written from the school's policy (../shared/policy) and the webhook
 * contract (../shared/contract), run against the whole local system from outside: signed
 * webhook deliveries in, the nightly run, the mailbox and the dashboard API out.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardPath } from '../../shared/links';
import { studentEvent } from '../support/webhook';
import { absentDay, exampleRoster, lesson, type Outside, startOutside } from './outside';

const SANNE = '100234';
const SANNE_MAIL = '100234@student.school.example';
const COACH = 'c-jansen';
const COACH_MAIL = 'm.jansen@school.example';
const OFFICER = 'vb-bakker';
const OFFICER_MAIL = 's.bakker@school.example';
const MANAGER = 'om-devries';

const to = (address: string) => (mail: { destination: { to: string[] } }) =>
  mail.destination.to.includes(address);

function secondStudent(studentId: string): unknown {
  return studentEvent(
    studentId,
    { coachId: COACH, birthDate: '2009-06-01', level: '3', enrolledFrom: '2026-08-24' },
    { id: `acc-stu-${studentId}` },
  );
}

describe('Contract: the published examples go through', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
  });
  afterAll(() => outside.stop());

  it('accepts the roster and registrations examples, then answers duplicate for a repeated delivery', async () => {
    const examples = new URL('../fixtures/contract/', import.meta.url);
    const read = (name: string) =>
      (JSON.parse(readFileSync(new URL(name, examples), 'utf8')) as { events: unknown[] }).events;

    const roster = await outside.send(read('roster.json'));
    expect(roster.status).toBe(200);
    expect(roster.body.received).toBe(7);
    expect(roster.body.results.every((r: { outcome: string }) => r.outcome === 'applied')).toBe(true);

    const registrations = await outside.send(read('registrations.json'));
    expect(registrations.status).toBe(200);
    expect(registrations.body.results.map((r: { id: string }) => r.id)).toEqual([
      'evt-r-1',
      'evt-r-2',
      'evt-r-3',
      'evt-n-1',
    ]);

    const again = await outside.send(read('registrations.json'));
    expect(again.status).toBe(200);
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
  });
});

describe('Hoofdstuk 4.1 and Bijlage 2/3: from 8 hours to a handled 16-hour report', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
    expect((await outside.send(exampleRoster())).status).toBe(200);
  });
  afterAll(() => outside.stop());

  it('mails the student once 8 hours of unauthorized absence are reached, and nobody else', async () => {
    const sent = await outside.send([...absentDay(SANNE, '2026-10-12'), ...absentDay(SANNE, '2026-10-13')]);
    expect(sent.status).toBe(200);
    await outside.nightly('2026-10-12');
    expect(await outside.mails()).toHaveLength(0);

    await outside.nightly('2026-10-13');
    const mails = await outside.mails();
    expect(mails.filter(to(SANNE_MAIL))).toHaveLength(1);
    expect(mails.filter(to(COACH_MAIL))).toHaveLength(0);
  });

  it('reports 16 hours within 4 school weeks to the coach across the autumn holiday, the coach due in 2 working days', async () => {
    await outside.send([...absentDay(SANNE, '2026-10-26'), ...absentDay(SANNE, '2026-10-27')]);
    await outside.nightly('2026-10-26');
    expect((await outside.mails()).filter(to(COACH_MAIL))).toHaveLength(0);

    await outside.nightly('2026-10-27');
    const coachMails = (await outside.mails()).filter(to(COACH_MAIL));
    expect(coachMails).toHaveLength(1);

    const coach = await outside.as(COACH);
    const page = await coach.get('/api/coach');
    expect(page.status).toBe(200);
    expect(page.body.reports).toHaveLength(1);
    expect(page.body.reports[0]).toMatchObject({
      from: '2026-10-12',
      to: '2026-10-27',
      unauthorizedMinutes: 960,
      status: 'open',
    });
    // The coach's term: 2 working days after the 16th hour (Tuesday 27 October): Thursday 29
    // October (DUO's 5 working days end on Tuesday 3 November).
    expect(coachMails[0]?.body.text).toContain('29 oktober 2026');
    // The mail's link opens this report on the dashboard.
    expect(coachMails[0]?.body.text).toContain(dashboardPath.report(page.body.reports[0].reportId));
  });

  it('sends nothing new when the same night is run again', async () => {
    const before = (await outside.mails()).length;
    await outside.nightly('2026-10-27');
    expect(await outside.mails()).toHaveLength(before);
  });

  it('shows the report as unhandled in the KPI, and handled after the coach reports it to DUO', async () => {
    const manager = await outside.as(MANAGER);
    const team = (units: { orgUnitId: string }[]) => units.find((u) => u.orgUnitId === 'team-ict');
    const before = await manager.get('/api/kpi');
    expect(before.status).toBe(200);
    expect(team(before.body.units)).toMatchObject({ norm: 1, realised: 0, colour: 'red' });

    const coach = await outside.as(COACH);
    const { reportId } = (await coach.get('/api/coach')).body.reports[0];
    const missingExplanation = await coach.post(`/api/reports/${reportId}/action`, {
      action: 'duo',
      explanation: '',
    });
    expect(missingExplanation.status).toBe(400);

    const applied = await coach.post(`/api/reports/${reportId}/action`, {
      action: 'duo',
      explanation: 'Geen contact met student of ouders bereikt.',
    });
    expect(applied.status).toBe(200);
    expect((await coach.get('/api/coach')).body.reports).toHaveLength(0);

    const officer = await outside.as(OFFICER);
    const worklist = await officer.get('/api/worklist');
    expect(worklist.body.items).toContainEqual(
      expect.objectContaining({ kind: 'duo_report', reportId, status: 'open' }),
    );

    await outside.nightly('2026-10-28');
    const after = await manager.get('/api/kpi');
    expect(team(after.body.units)).toMatchObject({ norm: 1, realised: 1, colour: 'green' });
  });

  it('refuses a coach who asks for a student that is not theirs', async () => {
    await outside.send([
      {
        id: 'acc-staff-other',
        type: 'staff.upserted',
        occurredAt: '2026-09-01T07:00:00+02:00',
        data: {
          staffId: 'c-other',
          name: 'O. Ander',
          email: 'o.ander@school.example',
          roles: ['coach'],
          orgUnitIds: ['team-ict'],
        },
      },
    ]);
    const other = await outside.as('c-other');
    expect((await other.get(`/api/students/${SANNE}`)).status).toBe(403);
    expect((await (await outside.as(COACH)).get(`/api/students/${SANNE}`)).status).toBe(200);
  });
});

describe('Bijlage 1 – Ziekmelden: only by phone, and under 18 by a parent', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
    await outside.send([...exampleRoster(), secondStudent('100300')]);
  });
  afterAll(() => outside.stop());

  it('does not count sickness a parent phoned in, but counts sickness reported by e-mail', async () => {
    const byPhone = { reason: 'sick', notice: { channel: 'phone', reportedBy: 'parent', proof: false } };
    const byMail = { reason: 'sick', notice: { channel: 'email', reportedBy: 'student', proof: false } };
    await outside.send([
      ...absentDay(SANNE, '2026-11-02', byPhone),
      ...absentDay(SANNE, '2026-11-03', byPhone),
      ...absentDay('100300', '2026-11-02', byMail),
      ...absentDay('100300', '2026-11-03', byMail),
    ]);
    await outside.nightly('2026-11-03');
    const mails = await outside.mails();
    expect(mails.filter(to(SANNE_MAIL))).toHaveLength(0);
    expect(mails.filter(to('100300@student.school.example'))).toHaveLength(1);
  });
});

describe('Bijlage 1 – Extreme weersomstandigheden: authorized only with a portal notice', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
    await outside.send(exampleRoster());
  });
  afterAll(() => outside.stop());

  it('authorizes the day with a notice, even when the notice arrives after the registrations', async () => {
    const weather = {
      reason: 'severe_weather',
      notice: { channel: 'phone', reportedBy: 'parent', proof: false },
    };
    await outside.send([
      ...absentDay(SANNE, '2026-12-14', weather),
      ...absentDay(SANNE, '2026-12-15', weather),
    ]);
    await outside.send([
      {
        id: 'acc-notice-1',
        type: 'portal.notice',
        occurredAt: '2026-12-14T06:00:00+01:00',
        data: { date: '2026-12-14', kind: 'severe_weather', text: 'Code rood: geen openbaar vervoer' },
      },
    ]);
    await outside.nightly('2026-12-15');
    // Only the 15th (no notice) counts: 4 hours, below the 8-hour signal.
    expect((await outside.mails()).filter(to(SANNE_MAIL))).toHaveLength(0);

    await outside.send(absentDay(SANNE, '2026-12-16'));
    await outside.nightly('2026-12-16');
    expect((await outside.mails()).filter(to(SANNE_MAIL))).toHaveLength(1);
  });
});

describe('Hoofdstuk 4.2 – Signaalverzuim: 4 consecutive school weeks away', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
    await outside.send(exampleRoster());
  });
  afterAll(() => outside.stop());

  it('alerts the attendance officer with a mail and a task after 4 whole school weeks of absence', async () => {
    const days: string[] = [];
    for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      for (let i = 0; i < 5; i++) {
        const d = new Date(`${monday}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + i);
        days.push(d.toISOString().slice(0, 10));
      }
    }
    const events = days.flatMap((d) => absentDay(SANNE, d));
    expect((await outside.send(events)).status).toBe(200);

    await outside.nightly('2026-11-26');
    expect((await outside.mails()).filter(to(OFFICER_MAIL))).toHaveLength(0);

    await outside.nightly('2026-11-27');
    expect((await outside.mails()).filter(to(OFFICER_MAIL))).toHaveLength(1);
    const officer = await outside.as(OFFICER);
    const worklist = await officer.get('/api/worklist');
    expect(worklist.body.items).toContainEqual(
      expect.objectContaining({ kind: 'signal4w', student: expect.objectContaining({ studentId: SANNE }) }),
    );
  });
});

describe('Hoofdstuk 2 – corrections: a late registration and a higher revision', () => {
  let outside: Outside;
  beforeAll(async () => {
    outside = await startOutside();
    await outside.send(exampleRoster());
  });
  afterAll(() => outside.stop());

  it('counts only the minutes missed when arriving late, and applies the highest revision whatever the order', async () => {
    const late = lesson(SANNE, '2026-11-10', '08:30', '10:30', { status: 'late', minutesMissed: 30 }) as {
      data: Record<string, unknown>;
    };
    const correction = {
      ...late,
      id: 'acc-correction',
      data: { ...late.data, revision: 1, minutesMissed: 60 },
    };
    const corrected = await outside.send([correction, late]);
    expect(corrected.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'stale']);

    const coach = await outside.as(COACH);
    const student = await coach.get(`/api/students/${SANNE}`);
    expect(student.status).toBe(200);
    // A 2-hour lesson, 60 minutes missed by the correction: 60 unauthorized, 60 present.
    expect(student.body.weeks).toContainEqual({
      weekStart: '2026-11-09',
      presentMinutes: 60,
      authorizedMinutes: 0,
      unauthorizedMinutes: 60,
    });
  });
});
