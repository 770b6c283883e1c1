/**
 * "Melden ja" walked through the real handlers on dynalite and aws-ses-v2-local: webhook ->
 * nightly run -> the coach's choice through the API -> the deadlines and their reminders on the
 * right working days (across the Christmas holiday and its public holidays), once -> DUO's status
 * -> the export -> the end date once the student is back or has left.
 */
import { describe, expect, it } from 'vitest';
import { getTask } from '../../../functions/store/tasks-repository';
import { listOpenReports } from '../../../functions/usecases/reports/queries';
import { parseCsv } from '../../support/csv';
import { startedForEachTest } from '../../support/started';
import { leftEvent } from '../../support/webhook';
import { apiClient, STAFF } from '../api/fixture';
import { day, startHarness } from './harness';

const h = startedForEachTest(startHarness);

/** The API's coach and officer (their tokens) as the presence system knows them. */
async function staffOfTheApi() {
  const at = '2026-08-20T07:00:00+02:00';
  await h.deliver(
    ...[STAFF.coachA, STAFF.officer].map((s) => ({
      id: `evt-staff-api-${s.staffId}`,
      type: 'staff.upserted',
      occurredAt: at,
      data: {
        staffId: s.staffId,
        name: s.name,
        email: s.email,
        roles: [...s.roles],
        orgUnitIds: s.staffId === STAFF.coachA.staffId ? ['team-ict'] : ['inst'],
      },
    })),
  );
}

const api = (date: string) => apiClient(h.table, new Date(`${date}T09:00:00Z`));
const reminders = async (address: string) =>
  (await h.mailsTo(address)).filter((m) => m.subject.startsWith('Herinnering'));

/** Nightly runs for every date from `from` to `to`, as the scheduler would. */
async function nights(from: string, to: string) {
  for (
    let d = new Date(`${from}T12:00:00Z`);
    d <= new Date(`${to}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    await h.nightly(d.toISOString().slice(0, 10));
}

/** The DUO export as Dutch Excel reads it: a BOM, then `;`-separated rows. */
async function exportRows(date: string) {
  const res = await (await api(date)).call('officer', 'GET', '/api/duo/export.csv');
  expect(res.status).toBe(200);
  expect(res.text.startsWith('\uFEFF')).toBe(true);
  const [header = [], ...rows] = parseCsv(res.text.slice(1), ';').filter((r) => r.length > 1);
  return rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
}

describe('"Melden ja": the coach\'s term, DUO\'s deadline, their reminders and the export', () => {
  it('reminds the coach and then the officer once each, on the working day before each term', async () => {
    await staffOfTheApi();
    await h.student('s-kim', { coachId: STAFF.coachA.staffId, educationNumber: '123456782' });
    // 16 hours on Thursday 17 and Friday 18 December 2026; the Christmas holiday starts the 19th.
    await h.deliver(...day('s-kim', '2026-12-17'), ...day('s-kim', '2026-12-18'));
    await h.nightly('2026-12-18');
    const [report] = await listOpenReports(h.table, 'team-ict');
    // The coach: 2 working days (holiday weekdays count). DUO: 5 working days, 25 and 26 December skipped.
    expect(report).toMatchObject({ dueDate: '2026-12-22', duoDeadline: '2026-12-28' });
    const page = await (await api('2026-12-19')).call('coachA', 'GET', `/api/reports/${report?.reportId}`);
    expect(page.json).toMatchObject({ dueDate: '2026-12-22', duoDeadline: '2026-12-28', overdue: false });

    await nights('2026-12-19', '2026-12-20');
    expect(await reminders(STAFF.coachA.email)).toHaveLength(0);
    await h.nightly('2026-12-21'); // the working day before the coach's term
    await h.nightly('2026-12-21'); // a rerun of the date sends nothing twice
    const toCoach = await reminders(STAFF.coachA.email);
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]?.body.text).toContain('Uiterlijk 22 december 2026 kies je een actie');

    // The coach chooses DUO on the last day: the task carries DUO's deadline.
    const chosen = await (await api('2026-12-22')).call(
      'coachA',
      'POST',
      `/api/reports/${report?.reportId}/action`,
      {
        action: 'duo',
        explanation: 'Ouders niet bereikbaar.',
      },
    );
    expect(chosen.status).toBe(200);
    const worklist = await (await api('2026-12-22')).call('officer', 'GET', '/api/worklist?kind=duo_report');
    const row = worklist.json.items.find((t: { reportId: string }) => t.reportId === report?.reportId);
    expect(row).toMatchObject({ kind: 'duo_report', dueOn: '2026-12-28', overdue: false });

    await nights('2026-12-22', '2026-12-23');
    expect(await reminders(STAFF.officer.email)).toHaveLength(0);
    await nights('2026-12-24', '2026-12-28'); // Thursday 24th is the working day before the 28th
    const toOfficer = await reminders(STAFF.officer.email);
    expect(toOfficer).toHaveLength(1);
    expect(toOfficer[0]?.body.text).toContain(
      'Uiterlijk 28 december 2026 moet de verzuimmelding bij DUO zijn',
    );
    expect(await reminders(STAFF.coachA.email)).toHaveLength(1);

    // Not submitted by the 28th: overdue from the 29th.
    const late = await (await api('2026-12-29')).call('officer', 'GET', '/api/worklist?kind=duo_report');
    expect(late.json.items.find((t: { taskId: string }) => t.taskId === row.taskId)).toMatchObject({
      overdue: true,
    });

    // DUO registers it: in time from then on, and in the export with its status.
    const registered = await (await api('2026-12-29')).call(
      'officer',
      'POST',
      `/api/tasks/${row.taskId}/duo`,
      {
        status: 'registered',
      },
    );
    expect(registered.status).toBe(200);
    const after = await (await api('2026-12-29')).call('officer', 'GET', '/api/worklist?kind=duo_report');
    expect(after.json.items.find((t: { taskId: string }) => t.taskId === row.taskId)).toMatchObject({
      overdue: false,
      duoStatus: 'registered',
    });
    const [line] = await exportRows('2026-12-29');
    expect(line).toMatchObject({
      kenmerk: row.taskId,
      onderwijsnummer_of_bsn: '123456782',
      studentnummer: 's-kim',
      geboortedatum: '14-03-2009',
      soort_melding: 'Verzuim 16 uur in 4 weken',
      ontvanger: 'Leerplichtambtenaar (LPA)',
      verzuim_vanaf: '17-12-2026',
      verzuim_tot_en_met: '18-12-2026',
      verzuimde_uren: '16',
      alle_lessen_verzuimd: 'ja',
      uiterste_melddatum: '28-12-2026',
      status_duo: 'geregistreerd',
      einddatum: '',
      aangevraagd_door: STAFF.coachA.name,
      melder_naam: STAFF.officer.name,
      melder_functie: 'Verzuimbegeleider',
      melder_email: STAFF.officer.email,
    });

    // Back at school on Monday 4 January 2027: "register the end date", with the date filled in.
    await h.deliver(...day('s-kim', '2027-01-04', { status: 'present' }));
    await nights('2027-01-01', '2027-01-04');
    expect((await getTask(h.table, row.taskId))?.duoEndDate).toMatchObject({
      date: '2027-01-04',
      why: 'back_at_school',
    });
    const toConfirm = await (await api('2027-01-04')).call('officer', 'GET', '/api/worklist?kind=duo_report');
    expect(toConfirm.json.items.find((t: { taskId: string }) => t.taskId === row.taskId)?.duoEndDate).toEqual(
      {
        date: '2027-01-04',
        why: 'back_at_school',
        confirmed: false,
      },
    );
    expect((await exportRows('2027-01-04'))[0]?.einddatum).toBe('');
    const confirmed = await (await api('2027-01-05')).call(
      'officer',
      'POST',
      `/api/tasks/${row.taskId}/duo-end-date`,
      {
        date: '2027-01-04',
      },
    );
    expect(confirmed.status).toBe(200);
    expect((await exportRows('2027-01-05'))[0]?.einddatum).toBe('04-01-2027');
    // The education number is personal data: never in a mail.
    expect((await h.mails()).some((m) => m.body.text.includes('123456782'))).toBe(false);
  });

  it('a referral "Melden DUO" makes a DUO draft in the export, which takes DUO\'s status and an end date when the student leaves', async () => {
    await staffOfTheApi();
    await h.student('s-ref', { coachId: STAFF.coachA.staffId, birthDate: '2006-02-01' });
    await h.deliver(
      ...day('s-ref', '2026-11-09', { lessons: 2 }),
      ...day('s-ref', '2026-11-10', { lessons: 2 }),
    );
    await nights('2026-11-09', '2026-11-10');
    const referral = await (await api('2026-11-11')).call('coachA', 'POST', '/api/students/s-ref/referrals', {
      category: 'duo',
      explanation: 'Student komt niet meer, ouders ook niet bereikbaar.',
    });
    expect(referral.status).toBe(200);
    const task = await getTask(h.table, referral.json.taskId);
    // DUO's 5 working days from the day the coach asked (Wednesday 11 November).
    expect(task).toMatchObject({ kind: 'duo_report', dueDate: '2026-11-18' });
    expect(task?.duo).toMatchObject({
      type: '16_hours_in_4_weeks',
      addressee: 'rmc',
      from: '2026-11-09',
      to: '2026-11-10',
      absentHours: 8,
      absentDays: 2,
    });
    const [draft] = await exportRows('2026-11-11');
    expect(draft).toMatchObject({
      studentnummer: 's-ref',
      ontvanger: 'RMC',
      status_duo: 'nog niet gemeld',
      aangevraagd_door: STAFF.coachA.name,
    });
    await (await api('2026-11-12')).call('officer', 'POST', `/api/tasks/${task?.taskId}/duo`, {
      status: 'in_progress',
    });
    expect((await exportRows('2026-11-12'))[0]?.status_duo).toBe('in behandeling');

    // The student leaves: the end date is that day.
    await h.deliver(leftEvent('s-ref', '2026-11-16'));
    await nights('2026-11-13', '2026-11-16');
    expect((await getTask(h.table, task?.taskId as string))?.duoEndDate).toMatchObject({
      date: '2026-11-16',
      why: 'left',
    });
  });
});
