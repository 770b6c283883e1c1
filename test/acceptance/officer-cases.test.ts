/**
 * The attendance officer's conversation (appendix 2, "gesprek door verzuimbegeleider") and the
 * home visit (appendix 4 §5, "Huisbezoek"), walked through the whole local system from outside:
 * signed webhook deliveries, the coach's action and referral and the officer's steps through the
 * dashboard API, the nightly run, the mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, absentDay, exampleRoster, type Outside, startOutside } from './outside';

const SANNE = '100234';
const COACH = 'c-jansen';
const COACH_MAIL = 'm.jansen@school.example';
const OFFICER = 'vb-bakker';
const OFFICER_MAIL = 's.bakker@school.example';

const to = (address: string) => (mail: { destination: { to: string[] } }) =>
  mail.destination.to.includes(address);

let outside: Outside;
let coach: Api;
let officer: Api;

beforeAll(async () => {
  outside = await startOutside();
  expect((await outside.send(exampleRoster())).status).toBe(200);
  coach = await outside.as(COACH);
  officer = await outside.as(OFFICER);
});
afterAll(() => outside.stop());

async function taskOf(kind: string): Promise<string> {
  const list = await officer.get(`/api/worklist?kind=${kind}`);
  expect(list.status).toBe(200);
  const task = list.body.items.find(
    (t: { student: { studentId: string } | null }) => t.student?.studentId === SANNE,
  );
  expect(task, `no ${kind} task on the worklist`).toBeDefined();
  return task.taskId;
}

const step = (taskId: string, body: Record<string, string>) =>
  officer.post(`/api/tasks/${taskId}/steps`, body);

describe("Bijlage 2 – 'Melden Nee: gesprek met student door verzuimbegeleider', as a case", () => {
  let taskId: string;

  it("turns the coach's choice into a conversation to plan on the officer's worklist", async () => {
    await outside.send(
      ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].flatMap((d) => absentDay(SANNE, d)),
    );
    await outside.nightly('2026-11-05');
    const page = await coach.get('/api/coach');
    const reportId = page.body.reports[0].reportId;
    const applied = await coach.post(`/api/reports/${reportId}/action`, {
      action: 'officer_conversation',
      explanation: 'Graag een gesprek, ik krijg geen contact.',
    });
    expect(applied.status).toBe(200);
    taskId = await taskOf('officer_conversation');
    const detail = await officer.get(`/api/tasks/${taskId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.flow).toBe('officer_conversation');
    expect(detail.body.steps.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([
      ['plan', 'current'],
      ['conversation', 'later'],
      ['feedback', 'later'],
      ['followup', 'later'],
      ['finish', 'later'],
    ]);
  });

  it('mails the coach the outcome of the conversation once the officer reports back, with the follow-up past the Christmas holiday', async () => {
    expect((await step(taskId, { step: 'plan', outcome: 'planned', date: '2026-12-10' })).status).toBe(200);
    expect((await step(taskId, { step: 'conversation', outcome: 'held' })).status).toBe(422);
    expect(
      (
        await step(taskId, {
          step: 'conversation',
          outcome: 'held',
          note: 'Afspraken gemaakt over op tijd komen.',
        })
      ).status,
    ).toBe(200);
    expect((await step(taskId, { step: 'feedback', outcome: 'reported' })).status).toBe(200);
    await outside.nightly('2026-12-10');

    const feedback = (await outside.mails())
      .filter(to(COACH_MAIL))
      .filter((m) => m.subject.startsWith('Terugkoppeling'));
    expect(feedback.map((m) => m.subject)).toEqual(['Terugkoppeling: Sanne Smit']);
    const text = feedback[0]?.body.text ?? '';
    expect(text).toContain('op 10 december 2026 een gesprek gevoerd met Sanne Smit');
    // Ten school days on, the Christmas holiday not counted: Thursday 7 January 2027.
    expect(text).toContain('vervolggesprek op 7 januari 2027');
    expect(text).toContain('van 10 december 2026 tot en met 21 januari 2027');
    expect(text).not.toContain('Afspraken gemaakt');

    const detail = await officer.get(`/api/tasks/${taskId}`);
    const current = detail.body.steps.find((s: { state: string }) => s.state === 'current');
    expect(current).toMatchObject({ key: 'followup', dueOn: '2027-01-07' });
    const done = detail.body.steps.filter((s: { state: string }) => s.state === 'done');
    expect(done.map((s: { by: string }) => s.by)).toEqual(['S. Bakker', 'S. Bakker', 'S. Bakker']);
  });

  it('reminds the officers of the follow-up on its date by the nightly run, once', async () => {
    const reminders = async () =>
      (await outside.mails())
        .filter(to(OFFICER_MAIL))
        .filter(
          (m) => m.subject === 'Stap te doen: Sanne Smit' && (m.body.text ?? '').includes('Vervolggesprek'),
        );
    await outside.nightly('2027-01-06');
    expect(await reminders()).toHaveLength(0);
    await outside.nightly('2027-01-07');
    await outside.nightly('2027-01-07');
    await outside.nightly('2027-01-08');
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.text).toContain('7 januari 2027');
  });

  it('closes with an outcome after the follow-up conversation', async () => {
    expect((await step(taskId, { step: 'followup', outcome: 'held', note: 'Gaat beter.' })).status).toBe(200);
    expect((await step(taskId, { step: 'finish', outcome: 'improved' })).status).toBe(200);
    const detail = await officer.get(`/api/tasks/${taskId}`);
    expect(detail.body.status).toBe('done');
    expect((await step(taskId, { step: 'finish', outcome: 'improved' })).status).toBe(409);
  });
});

describe("Bijlage 4 §5 – 'Huisbezoek' at a coach's request, handled like the others", () => {
  it('walks the referral to a closed case, telling the coach nobody was home', async () => {
    const referred = await coach.post(`/api/students/${SANNE}/referrals`, {
      category: 'home_visit',
      explanation: 'Sanne reageert niet op mail en telefoon.',
    });
    expect(referred.status).toBe(200);
    const taskId = await taskOf('home_visit');
    expect((await officer.get(`/api/tasks/${taskId}`)).body.flow).toBe('home_visit');

    expect((await step(taskId, { step: 'plan', outcome: 'planned', date: '2026-12-14' })).status).toBe(200);
    expect((await step(taskId, { step: 'visit', outcome: 'nobody_home' })).status).toBe(200);
    expect((await step(taskId, { step: 'feedback', outcome: 'reported' })).status).toBe(200);
    await outside.nightly('2026-12-14');
    const feedback = (await outside.mails())
      .filter(to(COACH_MAIL))
      .filter((m) => m.body.text?.includes('huisbezoek'));
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.body.text).toContain('op 14 december 2026 op huisbezoek geweest bij Sanne Smit');
    expect(feedback[0]?.body.text).toContain('niemand thuis');

    expect((await step(taskId, { step: 'finish', outcome: 'no_contact' })).status).toBe(422);
    expect(
      (await step(taskId, { step: 'finish', outcome: 'no_contact', note: 'Leerplicht ingeschakeld.' }))
        .status,
    ).toBe(200);
    expect((await officer.get(`/api/tasks/${taskId}`)).body.status).toBe('done');
  });
});
