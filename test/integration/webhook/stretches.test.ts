import { describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { startedForFile } from '../../support/started';
import { batch, deletionEvent, registrationEvent, studentEvent } from '../../support/webhook';
import { startHarness } from './harness';

const h = startedForFile(startHarness);

/** Monday 28 Sep to Friday 9 Oct 2026: ten school days, a weekend in between. */
const SCHOOL_DAYS = [
  '2026-09-28',
  '2026-09-29',
  '2026-09-30',
  '2026-10-01',
  '2026-10-02',
  '2026-10-05',
  '2026-10-06',
  '2026-10-07',
  '2026-10-08',
  '2026-10-09',
];

const absence = (studentId: string, date: string, reason: string, extra: Record<string, unknown> = {}) =>
  registrationEvent({
    registrationId: `${studentId}-${date}`,
    studentId,
    date,
    start: '08:30',
    end: '10:30',
    reason,
    ...extra,
  });

const send = async (...events: Record<string, unknown>[]) => {
  const r = await h.send(batch(...events));
  expect(r.status).toBe(200);
};

/** The deciding rule per date, as the day summaries hold it. */
const rules = async (studentId: string) => {
  const days = await listDaySummaries(h.table, studentId, '2026-09-01', '2026-10-31');
  return Object.fromEntries(days.map((d) => [d.date, d.registrations.map((r) => r.classification.ruleId)]));
};

describe('ch. 3 – suspension: authorized, and flagged for a check beyond 5 school days', () => {
  it('ch. 3: the 6th consecutive school day of suspension stays authorized, flagged, across the weekend', async () => {
    await send(studentEvent('s-sus'));
    await send(...SCHOOL_DAYS.slice(0, 6).map((d) => absence('s-sus', d, 'suspension')));
    const byDate = await rules('s-sus');
    expect(SCHOOL_DAYS.slice(0, 5).map((d) => byDate[d])).toEqual(Array(5).fill(['suspension']));
    expect(byDate['2026-10-05']).toEqual(['suspension.beyond_5_days']);
    const [sixth] = await listDaySummaries(h.table, 's-sus', '2026-10-05', '2026-10-05');
    expect(sixth?.summary).toMatchObject({
      unauthorizedMinutes: 0,
      authorizedMinutes: 120,
      suspensionOverLimit: true,
    });
  });

  it('counts the same when the days arrive one delivery at a time', async () => {
    await send(studentEvent('s-daily'));
    for (const date of SCHOOL_DAYS.slice(0, 6)) await send(absence('s-daily', date, 'suspension'));
    const byDate = await rules('s-daily');
    expect(byDate['2026-10-02']).toEqual(['suspension']);
    expect(byDate['2026-10-05']).toEqual(['suspension.beyond_5_days']);
  });

  it('reclassifies later days when an earlier day of the stretch arrives late, and again when it is deleted', async () => {
    await send(studentEvent('s-late'));
    await send(...SCHOOL_DAYS.slice(1, 6).map((d) => absence('s-late', d, 'suspension')));
    expect((await rules('s-late'))['2026-10-05']).toEqual(['suspension']);

    // The first day of the suspension is registered afterwards: the last day becomes the 6th.
    await send(absence('s-late', '2026-09-28', 'suspension'));
    const after = await rules('s-late');
    expect(after['2026-09-28']).toEqual(['suspension']);
    expect(after['2026-10-05']).toEqual(['suspension.beyond_5_days']);

    // And the correction is withdrawn: five days again, all authorized.
    await send(deletionEvent('s-late-2026-09-28', 1));
    const withdrawn = await rules('s-late');
    expect(withdrawn['2026-09-28'] ?? []).toEqual([]);
    expect(withdrawn['2026-10-05']).toEqual(['suspension']);
  });

  it('keeps the count when a corrected birth date classifies all of the student’s days again', async () => {
    await send(studentEvent('s-born'));
    await send(...SCHOOL_DAYS.slice(0, 6).map((d) => absence('s-born', d, 'suspension')));
    await send(
      studentEvent('s-born', { birthDate: '2008-01-01' }, { occurredAt: '2026-10-10T07:00:00+02:00' }),
    );
    const byDate = await rules('s-born');
    expect(byDate['2026-10-02']).toEqual(['suspension']);
    expect(byDate['2026-10-05']).toEqual(['suspension.beyond_5_days']);
  });

  it('starts counting again after a school day without suspension', async () => {
    await send(studentEvent('s-gap'));
    const days = SCHOOL_DAYS.filter((d) => d !== '2026-10-01');
    await send(...days.slice(0, 6).map((d) => absence('s-gap', d, 'suspension')));
    const byDate = await rules('s-gap');
    expect(days.slice(0, 6).map((d) => byDate[d]?.[0])).toEqual(Array(6).fill('suspension'));
  });
});

describe('Lpw art. 14 – special leave: at most 10 school days a school year, with the manager’s approval', () => {
  const approved = {
    notice: { channel: 'email', reportedBy: 'parent', proof: true, approvedBy: 'manager' },
  };
  /** Six school days in October 2026 and six in March 2027, one school year. */
  const OCTOBER = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12'];
  const MARCH = ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15'];
  const yearRules = async (studentId: string) =>
    Object.fromEntries(
      (await listDaySummaries(h.table, studentId, '2026-01-01', '2027-07-31')).map((d) => [
        d.date,
        d.registrations.map((r) => r.classification.ruleId),
      ]),
    );

  it('Lpw art. 14: 10 consecutive school days of approved special leave are all authorized', async () => {
    await send(studentEvent('s-leave'));
    await send(...SCHOOL_DAYS.map((d) => absence('s-leave', d, 'special_leave', approved)));
    const byDate = await rules('s-leave');
    expect(SCHOOL_DAYS.map((d) => byDate[d])).toEqual(Array(10).fill(['special_leave.manager']));
  });

  it('counts a wedding or funeral as part of the same leave', async () => {
    await send(studentEvent('s-wed'));
    await send(
      ...SCHOOL_DAYS.map((d) => absence('s-wed', d, 'special_leave', approved)),
      absence('s-wed', '2026-10-12', 'wedding_or_funeral', approved),
    );
    expect((await rules('s-wed'))['2026-10-12']).toEqual(['special_leave.too_long']);
  });

  it('Lpw art. 14: 6 days in October and 6 in March give 2 unauthorized days in March', async () => {
    await send(studentEvent('s-year'));
    await send(...OCTOBER.map((d) => absence('s-year', d, 'special_leave', approved)));
    await send(...MARCH.map((d) => absence('s-year', d, 'special_leave', approved)));
    const byDate = await yearRules('s-year');
    expect(OCTOBER.map((d) => byDate[d]?.[0])).toEqual(Array(6).fill('special_leave.manager'));
    expect(MARCH.map((d) => byDate[d]?.[0])).toEqual([
      ...Array(4).fill('special_leave.manager'),
      'special_leave.too_long',
      'special_leave.too_long',
    ]);
    const march = await listDaySummaries(h.table, 's-year', '2027-03-01', '2027-03-31');
    expect(march.filter((d) => d.summary.unauthorizedMinutes > 0).map((d) => d.date)).toEqual([
      '2027-03-12',
      '2027-03-15',
    ]);
  });

  it('Lpw art. 14: the same when March arrives before October, and again when October is withdrawn', async () => {
    await send(studentEvent('s-year-late'));
    await send(...MARCH.map((d) => absence('s-year-late', d, 'special_leave', approved)));
    expect(Object.values(await yearRules('s-year-late')).flat()).toEqual(
      Array(6).fill('special_leave.manager'),
    );
    await send(...OCTOBER.map((d) => absence('s-year-late', d, 'special_leave', approved)));
    const byDate = await yearRules('s-year-late');
    expect(MARCH.map((d) => byDate[d]?.[0]).slice(4)).toEqual([
      'special_leave.too_long',
      'special_leave.too_long',
    ]);
    await send(deletionEvent('s-year-late-2026-10-05', 1));
    const after = await yearRules('s-year-late');
    expect(MARCH.map((d) => after[d]?.[0]).slice(3)).toEqual([
      'special_leave.manager',
      'special_leave.manager',
      'special_leave.too_long',
    ]);
  });

  it('Lpw art. 14: a decision (the leerplichtambtenaar’s approval) authorizes the 11th day', async () => {
    await send(studentEvent('s-year-ok'));
    await send(...OCTOBER.map((d) => absence('s-year-ok', d, 'special_leave', approved)));
    await send(
      ...MARCH.map((d) => absence('s-year-ok', d, 'special_leave', { ...approved, decision: 'authorized' })),
    );
    const byDate = await yearRules('s-year-ok');
    expect(byDate['2027-03-12']).toEqual(['decision.authorized']);
  });

  it('Lpw art. 14: a new school year starts with 10 days again', async () => {
    await send(studentEvent('s-new-year'));
    const june = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-08'];
    await send(...june.map((d) => absence('s-new-year', d, 'special_leave', approved)));
    await send(...OCTOBER.map((d) => absence('s-new-year', d, 'special_leave', approved)));
    const byDate = await yearRules('s-new-year');
    expect([...june, ...OCTOBER].map((d) => byDate[d]?.[0])).toEqual(Array(12).fill('special_leave.manager'));
  });
});
