import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { listOrgUnits } from '../../../functions/store/org-units';
import { listAllPendingEvents } from '../../../functions/store/pending-events';
import { listRegistrations } from '../../../functions/store/registrations';
import { getStaffByEmail, listStaff } from '../../../functions/store/staff';
import { getStudent, listStudentsByCoach, listStudentsByTeam } from '../../../functions/store/students';
import { classify, summarizeDay } from '../../../shared/policy';
import { startedForFile } from '../../support/started';
import {
  batch,
  deletionEvent,
  leftEvent,
  noticeEvent,
  registrationEvent,
  studentEvent,
} from '../../support/webhook';
import { startHarness } from './harness';

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/contract/${name}.json`, import.meta.url), 'utf8'));

const h = startedForFile(startHarness);

const outcomes = (r: { body: { results?: Array<{ outcome: string }> } }) =>
  r.body.results?.map((x) => x.outcome);
const day = async (studentId: string, date: string) =>
  (await listDaySummaries(h.table, studentId, date, date))[0];

describe('the contract examples', () => {
  it('stores the roster: org-unit tree, staff (found by e-mail), students per team and coach', async () => {
    const r = await h.send(example('roster'));
    expect(r.status).toBe(200);
    expect(r.body.received).toBe(7);
    expect(outcomes(r)).toEqual(Array(7).fill('applied'));
    expect((await listOrgUnits(h.table)).map((u) => u.orgUnitId).sort()).toEqual([
      'dep-tech',
      'inst',
      'team-ict',
    ]);
    expect((await getStaffByEmail(h.table, 'M.Jansen@School.example'))?.staffId).toBe('c-jansen');
    expect((await listStaff(h.table)).length).toBe(3);
    expect((await listStudentsByTeam(h.table, 'team-ict')).map((s) => s.studentId)).toContain('100234');
    expect((await listStudentsByCoach(h.table, 'c-jansen')).map((s) => s.studentId)).toContain('100234');
    expect((await getStudent(h.table, '100234'))?.birthDate).toBe('2009-03-14');
  });

  it('stores the registrations: the correction wins, the earlier revision in the same batch is stale', async () => {
    const r = await h.send(example('registrations'));
    expect(r.status).toBe(200);
    expect(outcomes(r)).toEqual(['stale', 'applied', 'applied', 'applied']);
    const stored = await day('100234', '2026-10-05');
    const [, second, correction] = example('registrations').events.map((e: { data: unknown }) => e.data);
    const expected = summarizeDay(
      '2026-10-05',
      [correction, second].map((reg) => ({
        status: reg.status,
        classification: classify(reg, {
          birthDate: '2009-03-14',
          severeWeatherDates: new Set(['2026-12-14']),
        }),
      })),
    );
    expect(stored?.summary).toEqual(expected);
    expect(stored?.summary.lessons).toBe(2);
    expect(stored?.summary.lessonMinutes).toBe(180);
    const regs = await listRegistrations(h.table, '100234', '2026-10-01', '2026-10-31');
    expect(regs.map((x) => [x.registrationId, x.revision])).toEqual([
      ['reg-100234-20261005-1', 1],
      ['reg-100234-20261005-2', 0],
    ]);
  });

  it('answers a repeated delivery with duplicate for every event and changes nothing', async () => {
    const payload = example('registrations');
    const first = await h.send(payload, { id: 'msg-repeat-1' });
    const before = await h.scan();
    const again = await h.send(payload, { id: 'msg-repeat-1' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(outcomes(again)).toEqual(Array(4).fill('duplicate'));
    expect(await h.scan()).toEqual(before);
  });
});

describe('registrations', () => {
  it('answers an event id seen before, in a new delivery, with duplicate', async () => {
    await h.send(batch(studentEvent('s-dup')));
    const reg = registrationEvent({ registrationId: 'r-dup', studentId: 's-dup' });
    expect(outcomes(await h.send(batch(reg)))).toEqual(['applied']);
    expect(outcomes(await h.send(batch(reg)))).toEqual(['duplicate']);
    expect((await day('s-dup', '2026-10-05'))?.summary.lessons).toBe(1);
  });

  it('keeps the highest revision when revisions arrive out of order', async () => {
    await h.send(batch(studentEvent('s-order')));
    const rev2 = registrationEvent({
      registrationId: 'r-order',
      studentId: 's-order',
      revision: 2,
      status: 'present',
    });
    const rev1 = registrationEvent({
      registrationId: 'r-order',
      studentId: 's-order',
      revision: 1,
      status: 'absent',
    });
    expect(outcomes(await h.send(batch(rev2)))).toEqual(['applied']);
    expect(outcomes(await h.send(batch(rev1)))).toEqual(['stale']);
    expect(outcomes(await h.send(batch(rev1)))).toEqual(['duplicate']);
    const stored = await day('s-order', '2026-10-05');
    expect(stored?.registrations.map((r) => [r.revision, r.status])).toEqual([[2, 'present']]);
    expect(stored?.summary.unauthorizedMinutes).toBe(0);
  });

  it('moves a corrected lesson to its new date, leaving nothing on the old one', async () => {
    await h.send(batch(studentEvent('s-move')));
    await h.send(
      batch(registrationEvent({ registrationId: 'r-move', studentId: 's-move', date: '2026-10-05' })),
    );
    await h.send(
      batch(
        registrationEvent({ registrationId: 'r-move', studentId: 's-move', date: '2026-10-06', revision: 1 }),
      ),
    );
    expect(await day('s-move', '2026-10-05')).toBeUndefined();
    expect((await day('s-move', '2026-10-06'))?.summary.lessons).toBe(1);
  });

  it('counts a deletion, and an older upsert arriving after it stays stale', async () => {
    await h.send(batch(studentEvent('s-del')));
    const upsert = registrationEvent({ registrationId: 'r-del', studentId: 's-del', revision: 0 });
    expect(outcomes(await h.send(batch(upsert)))).toEqual(['applied']);
    expect((await day('s-del', '2026-10-05'))?.summary.lessons).toBe(1);
    expect(outcomes(await h.send(batch(deletionEvent('r-del', 1))))).toEqual(['applied']);
    expect(await day('s-del', '2026-10-05')).toBeUndefined();
    expect(await listRegistrations(h.table, 's-del', '2026-10-01', '2026-10-31')).toEqual([]);

    const early = deletionEvent('r-del-early', 3);
    expect(outcomes(await h.send(batch(early)))).toEqual(['applied']);
    const late = registrationEvent({
      registrationId: 'r-del-early',
      studentId: 's-del',
      revision: 2,
      date: '2026-10-07',
    });
    expect(outcomes(await h.send(batch(late)))).toEqual(['stale']);
    expect(await day('s-del', '2026-10-07')).toBeUndefined();
  });
});

describe('unknown students', () => {
  it('keeps events about an unknown student pending and applies them when the student arrives later', async () => {
    const reg = registrationEvent({ registrationId: 'r-pend', studentId: 's-pend' });
    const left = leftEvent('s-pend', '2026-11-01');
    const r = await h.send(batch(reg, left));
    expect(outcomes(r)).toEqual(['pending', 'pending']);
    expect(outcomes(await h.send(batch(reg)))).toEqual(['duplicate']);
    expect(await day('s-pend', '2026-10-05')).toBeUndefined();
    expect((await listAllPendingEvents(h.table)).filter((p) => p.studentId === 's-pend')).toHaveLength(2);

    expect(outcomes(await h.send(batch(studentEvent('s-pend'))))).toEqual(['applied']);
    expect((await day('s-pend', '2026-10-05'))?.summary.lessons).toBe(1);
    expect((await getStudent(h.table, 's-pend'))?.leftOn).toBe('2026-11-01');
    expect((await listAllPendingEvents(h.table)).filter((p) => p.studentId === 's-pend')).toEqual([]);
    expect(outcomes(await h.send(batch(reg)))).toEqual(['duplicate']);
  });

  it('applies a registration in the same batch as its new student, whatever the order', async () => {
    const r = await h.send(
      batch(registrationEvent({ registrationId: 'r-same', studentId: 's-same' }), studentEvent('s-same')),
    );
    expect(outcomes(r)).toEqual(['applied', 'applied']);
    expect((await day('s-same', '2026-10-05'))?.summary.lessons).toBe(1);
  });
});

describe('student corrections', () => {
  it('classifies stored registrations again when the birth date is corrected', async () => {
    await h.send(batch(studentEvent('s-age', { birthDate: '2009-03-14' })));
    const appointment = {
      registrationId: 'r-age',
      studentId: 's-age',
      reason: 'medical_appointment',
      notice: { channel: 'email', reportedBy: 'student', proof: false },
    };
    await h.send(batch(registrationEvent(appointment)));
    expect((await day('s-age', '2026-10-05'))?.summary.unauthorizedMinutes).toBe(90);
    const corrected = studentEvent(
      's-age',
      { birthDate: '2000-01-01' },
      { occurredAt: '2026-10-06T07:00:00+02:00' },
    );
    expect(outcomes(await h.send(batch(corrected)))).toEqual(['applied']);
    const after = await day('s-age', '2026-10-05');
    expect(after?.summary.unauthorizedMinutes).toBe(0);
    expect(after?.summary.authorizedMinutes).toBe(90);
    const older = studentEvent(
      's-age',
      { birthDate: '2009-03-14' },
      { occurredAt: '2026-09-01T07:00:00+02:00' },
    );
    expect(outcomes(await h.send(batch(older)))).toEqual(['stale']);
    expect((await getStudent(h.table, 's-age'))?.birthDate).toBe('2000-01-01');
  });

  it('classifies a stored lesson again when the corrected birth date arrives with a new lesson of the same day', async () => {
    await h.send(batch(studentEvent('s-age2', { birthDate: '2009-03-14' })));
    const appointment = (registrationId: string, start: string, end: string) =>
      registrationEvent({
        registrationId,
        studentId: 's-age2',
        start,
        end,
        reason: 'medical_appointment',
        notice: { channel: 'email', reportedBy: 'student', proof: false },
      });
    await h.send(batch(appointment('r-age2-a', '08:30', '10:00')));
    const corrected = studentEvent(
      's-age2',
      { birthDate: '2000-01-01' },
      { occurredAt: '2026-10-06T07:00:00+02:00' },
    );
    expect(outcomes(await h.send(batch(corrected, appointment('r-age2-b', '10:15', '11:45'))))).toEqual([
      'applied',
      'applied',
    ]);
    const after = await day('s-age2', '2026-10-05');
    expect(after?.summary.unauthorizedMinutes).toBe(0);
    expect(after?.summary.authorizedMinutes).toBe(180);
  });
});

describe('portal notices', () => {
  it('authorizes stored and later severe-weather absences on the notice date', async () => {
    await h.send(batch(studentEvent('s-storm')));
    const storm = { studentId: 's-storm', date: '2026-12-15', reason: 'severe_weather' };
    await h.send(batch(registrationEvent({ registrationId: 'r-storm-1', ...storm })));
    expect((await day('s-storm', '2026-12-15'))?.summary.unauthorizedMinutes).toBe(90);

    expect(outcomes(await h.send(batch(noticeEvent('2026-12-15'))))).toEqual(['applied']);
    const after = await day('s-storm', '2026-12-15');
    expect(after?.summary.unauthorizedMinutes).toBe(0);
    expect(after?.summary.authorizedMinutes).toBe(90);

    await h.send(
      batch(registrationEvent({ registrationId: 'r-storm-2', ...storm, start: '10:15', end: '11:45' })),
    );
    expect((await day('s-storm', '2026-12-15'))?.summary.authorizedMinutes).toBe(180);
  });
});

describe('students leaving', () => {
  it('records the leave and keeps the student’s items five years after the leave date', async () => {
    await h.send(batch(studentEvent('s-left')));
    await h.send(batch(registrationEvent({ registrationId: 'r-left', studentId: 's-left' })));
    expect(outcomes(await h.send(batch(leftEvent('s-left', '2027-07-01'))))).toEqual(['applied']);
    const expected = Date.UTC(2032, 6, 1) / 1000;
    const mine = new Set(['registration', 'student']);
    const items = (await h.scan()).filter((i) => i.studentId === 's-left' && mine.has(i.type as string));
    expect(items.map((i) => i.type).sort()).toEqual(['registration', 'student']);
    for (const item of items) expect(item.expiresAt).toBe(expected);
  });

  it('does not keep the free-text leaving reason: nothing uses it', async () => {
    const reason = 'Verhuisd naar Tilburg na scheiding ouders';
    await h.send(batch(studentEvent('s-why')));
    const known = leftEvent('s-why', '2027-07-01');
    const unknown = leftEvent('s-why-later', '2027-07-01');
    (known.data as Record<string, unknown>).reason = reason;
    (unknown.data as Record<string, unknown>).reason = reason;
    expect(outcomes(await h.send(batch(known, unknown)))).toEqual(['applied', 'pending']);
    expect(JSON.stringify(await h.scan())).not.toContain('Tilburg');
    await h.send(batch(studentEvent('s-why-later')));
    expect((await getStudent(h.table, 's-why-later'))?.leftOn).toBe('2027-07-01');
    expect(JSON.stringify(await h.scan())).not.toContain('Tilburg');
  });
});
