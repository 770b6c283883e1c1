/**
 * The 4-week report (policy appendix 4 §2: "een wettelijke verzuimmelding aan DUO") walked through
 * the whole local system from outside: Sanne (16, so the LPA's) misses every lesson for four
 * school weeks; the nightly run opens the case on the attendance officer's worklist and reminds
 * the officer on the working day its first step falls due, past Christmas; the officer completes
 * the five steps through the dashboard API; the invitation letter is in the auditor's archive;
 * the DUO export (semicolon, BOM) holds the long-absence report for the LPA; the coach is mailed
 * when the case closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, absentDay, exampleRoster, type Outside, startOutside } from './outside';

const SANNE = '100234';
const COACH_MAIL = 'm.jansen@school.example';
const OFFICER = 'vb-bakker';
const OFFICER_MAIL = 's.bakker@school.example';

const to = (address: string) => (mail: { destination: { to: string[] } }) =>
  mail.destination.to.includes(address);

/** Monday to Friday from `monday` for `weeks` weeks. */
function schoolDays(monday: string, weeks: number): string[] {
  const start = new Date(`${monday}T12:00:00Z`);
  return Array.from({ length: weeks * 7 }, (_, i) => new Date(start.getTime() + i * 86_400_000))
    .filter((d) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
    .map((d) => d.toISOString().slice(0, 10));
}

/** RFC 4180 as Dutch Excel reads it: `;` between fields, quotes around fields with `;`, quotes or newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ';') {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && next === '\n') i++;
      endRow();
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

let outside: Outside;
let officer: Api;

beforeAll(async () => {
  outside = await startOutside();
  expect((await outside.send(exampleRoster())).status).toBe(200);
  officer = await outside.as(OFFICER);
});
afterAll(() => outside.stop());

const stepReminders = async () =>
  (await outside.mails()).filter(to(OFFICER_MAIL)).filter((m) => m.subject === 'Stap te doen: Sanne Smit');

const step = (taskId: string, body: Record<string, string>) =>
  officer.post(`/api/tasks/${taskId}/steps`, body);

describe('Bijlage 4 §2 – the 4-week report, from the signal to DUO', () => {
  let taskId: string;

  it("opens the case on the officer's worklist after four school weeks away", async () => {
    // Monday 23 November to Friday 18 December: twenty school days, every lesson missed.
    for (const week of ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']) {
      const delivered = await outside.send(schoolDays(week, 1).flatMap((d) => absentDay(SANNE, d)));
      expect(delivered.status).toBe(200);
    }
    // The first nightly run that sees it is on Wednesday 23 December, in the Christmas holiday.
    await outside.nightly('2026-12-23');
    const list = await officer.get('/api/worklist?kind=signal4w');
    expect(list.status).toBe(200);
    const task = list.body.items.find(
      (t: { student: { studentId: string } | null }) => t.student?.studentId === SANNE,
    );
    expect(task, 'no 4-week case for Sanne').toBeDefined();
    taskId = task.taskId;
    // Two working days: Thursday 24 December; Christmas (Friday 25) and the weekend are not: Monday 28.
    expect(task.dueOn).toBe('2026-12-28');
    const detail = await officer.get(`/api/tasks/${taskId}`);
    expect(detail.body.flow).toBe('four_week');
    expect(detail.body.steps.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([
      ['check', 'current'],
      ['invitation', 'later'],
      ['conversation', 'later'],
      ['follow', 'later'],
      ['decision', 'later'],
    ]);
  });

  it('reminds the officer of the first step on the working day it is due, past Christmas, once', async () => {
    await outside.nightly('2026-12-24');
    await outside.nightly('2026-12-27');
    expect(await stepReminders()).toHaveLength(0);
    await outside.nightly('2026-12-28');
    await outside.nightly('2026-12-28');
    await outside.nightly('2026-12-29');
    const sent = await stepReminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.text).toContain('Klopt dit verzuim?');
    expect(sent[0]?.body.text).toContain(`/#/taken/${taskId}`);
  });

  it('archives the invitation letter for the auditor, listed with its student and case', async () => {
    expect((await step(taskId, { step: 'decision', outcome: 'duo_report' })).status).toBe(409);
    expect(
      (
        await step(taskId, {
          step: 'check',
          outcome: 'confirmed',
          note: 'Coach: niet op school, geen bericht.',
        })
      ).status,
    ).toBe(200);
    const invited = await step(taskId, {
      step: 'invitation',
      outcome: 'sent',
      date: '2027-01-07',
      note: '10.00 uur, lokaal B1.12',
    });
    expect(invited.status).toBe(200);
    expect(invited.body.steps.find((s: { key: string }) => s.key === 'conversation')).toMatchObject({
      state: 'current',
      dueOn: '2027-01-07',
    });
    expect(invited.body.letters).toHaveLength(1);
    const { letterId, createdOn } = invited.body.letters[0];

    const archive = await officer.get(`/api/letters?from=${createdOn}&to=${createdOn}`);
    expect(archive.status).toBe(200);
    expect(archive.body.items).toEqual([
      expect.objectContaining({
        letterId,
        taskId,
        student: expect.objectContaining({ studentId: SANNE, displayName: 'Sanne Smit' }),
      }),
    ]);
    const letter = await officer.get(`/api/letters/${encodeURIComponent(letterId)}`);
    expect(letter.status).toBe(200);
    expect(letter.body.html).toContain('Beste Sanne Smit');
    expect(letter.body.html).toContain('7 januari 2027');
    expect(letter.body.html).toContain('10.00 uur, lokaal B1.12');
    // Sanne is 16: the consequence named is the attendance officer of her municipality.
    expect(letter.body.html).toContain('leerplichtambtenaar');
    // The coach has no access to the officer's archive.
    const coach = await outside.as('c-jansen');
    expect((await coach.get('/api/letters')).status).toBe(403);
  });

  it('follows Sanne after she did not come, then reports her to DUO for the LPA and tells the coach', async () => {
    const noShow = await step(taskId, { step: 'conversation', outcome: 'no_show' });
    expect(noShow.status).toBe(200);
    expect(noShow.body.steps.find((s: { key: string }) => s.key === 'follow')?.state).toBe('current');
    expect((await step(taskId, { step: 'follow', outcome: 'no_change' })).status).toBe(200);
    const before = await officer.get(`/api/tasks/${taskId}`);
    expect(before.body.duo).toEqual({ recipient: 'LPA', studyFinance: false, taskId: null });

    const closed = await step(taskId, { step: 'decision', outcome: 'duo_report', note: 'onbekend' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('done');
    const duoTaskId = closed.body.duo.taskId;
    expect(duoTaskId).toBeTruthy();

    const file = await officer.text('/api/duo/export.csv');
    expect(file.status).toBe(200);
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const [header = [], ...rows] = parseCsv(file.text.slice(1));
    const row = rows.find((r) => r[header.indexOf('kenmerk')] === duoTaskId);
    expect(row, 'no DUO row for the case').toBeDefined();
    const field = (name: string) => row?.[header.indexOf(name)];
    expect(field('studentnummer')).toBe(SANNE);
    expect(field('soort_melding')).toBe('Langdurig relatief verzuim (langer dan 4 weken)');
    expect(field('ontvanger')).toBe('Leerplichtambtenaar (LPA)');
    expect(field('verzuim_vanaf')).toBe('23-11-2026');
    expect(field('ondernomen_acties')).toContain('Student niet verschenen');

    // The coach hears of the case when it closes; the night's run sends the mail.
    await outside.nightly('2027-01-29');
    const told = (await outside.mails())
      .filter(to(COACH_MAIL))
      .filter((m) => m.subject.startsWith('Zaak afgerond'));
    expect(told.map((m) => m.subject)).toEqual(['Zaak afgerond: Sanne Smit']);
    expect(told[0]?.body.text).toContain('Melden bij DUO');
    expect(told[0]?.body.text).toContain('leerplichtambtenaar');
    // Closed: no more steps, and no more reminders for it.
    expect((await step(taskId, { step: 'decision', outcome: 'duo_report' })).status).toBe(409);
  });
});
