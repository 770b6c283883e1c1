/**
 * Task mails go out when the task is made (issue #13, "Task mails ... are sent when the task is
 * made, not at the next night"): the coach's referral through the dashboard API publishes
 * `task.created`, the task mailer (subscribed on the local bus as EventBridge's rule is in AWS)
 * sends the officer's mail, and neither the same event again nor the nightly run sends it twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '../../functions/events/types';
import { type Api, exampleRoster, type Outside, startOutside } from './outside';

const SANNE = '100234';
const COACH = 'c-jansen';
const OFFICER = 'vb-bakker';
const OFFICER_MAIL = 's.bakker@school.example';

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

const taskMails = async () =>
  (await outside.mails()).filter(
    (m) => m.destination.to.includes(OFFICER_MAIL) && m.subject === 'Nieuwe taak: Sanne Smit',
  );

describe('a task mail is sent when the task is made', () => {
  let taskId: string;

  it("sends the officer the referral's mail without a nightly run, with a link to the task itself", async () => {
    expect(await taskMails()).toHaveLength(0);
    const referred = await coach.post(`/api/students/${SANNE}/referrals`, {
      category: 'officer_conversation',
      explanation: 'Sanne komt steeds later binnen.',
    });
    expect(referred.status).toBe(200);
    const list = await officer.get('/api/worklist?kind=officer_conversation');
    taskId = list.body.items.find(
      (t: { student: { studentId: string } | null }) => t.student?.studentId === SANNE,
    )?.taskId;
    expect(taskId).toBeDefined();

    const mails = await taskMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain(`#/taken/${encodeURIComponent(taskId)}`);
  });

  it('sends nothing more when the same event is delivered again', async () => {
    const again = {
      source: EVENT_SOURCE,
      'detail-type': 'task.created',
      detail: {
        type: 'task.created',
        taskId,
        kind: 'officer_conversation',
        studentId: SANNE,
        teamId: 'x',
        createdOn: '2026-11-30',
      },
    };
    await outside.system.invoke('task-mailer', again);
    expect(await taskMails()).toHaveLength(1);
  });

  it('sends nothing more in the nightly run afterwards', async () => {
    await outside.nightly('2026-11-30');
    expect(await taskMails()).toHaveLength(1);
  });
});
