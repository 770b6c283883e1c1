import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../../functions/mail/outbox';
import type { Mailer } from '../../../functions/mail/ses-mailer';
import type { MailRequest } from '../../../functions/mail/templates';
import type { OutgoingMail } from '../../../functions/mail/types';
import { getMail } from '../../../functions/store/outbox-repository';
import { markStudentLeft, putStudent } from '../../../functions/store/students';
import { startTestTable } from '../../support/dynalite';
import { startedForFile } from '../../support/started';
import { studentData } from '../../support/webhook';

const table = startedForFile(startTestTable);

const request = (id: string): MailRequest<'frequent.student'> => ({
  id,
  template: 'frequent.student',
  to: [`${id}@student.school.example`],
  data: { studentName: `Student ${id}`, from: '2026-09-07', to: '2026-09-11' },
});

/** A mailer that records what it sent and can be told to throttle every send. */
function recordingMailer() {
  const sent: OutgoingMail[] = [];
  let throttling = false;
  const mailer: Mailer = {
    send: (mail) => {
      if (throttling)
        return Promise.reject(
          Object.assign(new Error('Maximum sending rate exceeded'), { name: 'TooManyRequestsException' }),
        );
      sent.push(mail);
      return Promise.resolve(`msg-${sent.length}`);
    },
  };
  const throttle = (on: boolean) => {
    throttling = on;
  };
  return { mailer, sent, throttle };
}

describe('the mail outbox', () => {
  it('records a mail once, whatever the number of times it is queued', async () => {
    const { mailer, sent } = recordingMailer();
    const outbox = createOutbox({ store: table, mailer });
    expect(await outbox.enqueue(request('once'))).toBe(true);
    expect(await outbox.enqueue(request('once'))).toBe(false);
    expect((await getMail(table, 'once'))?.status).toBe('unsent');
    await outbox.flush();
    await outbox.enqueue(request('once'));
    await outbox.flush();
    expect(sent.filter((m) => m.id === 'once')).toHaveLength(1);
    expect(await getMail(table, 'once')).toMatchObject({ status: 'sent', messageId: 'msg-1', attempts: 1 });
  });

  it('stops sending while SES keeps throttling and sends what is left on the next run, each mail once', async () => {
    const { mailer, sent, throttle } = recordingMailer();
    const outbox = createOutbox({ store: table, mailer, concurrency: 1 });
    for (const id of ['t1', 't2', 't3']) await outbox.enqueue(request(id));
    throttle(true);
    const first = await outbox.flush();
    expect(first).toMatchObject({ sent: 0, failed: 1, deferred: 2 });
    expect((await getMail(table, 't1'))?.lastError).toContain('Maximum sending rate');
    throttle(false);
    const second = await outbox.flush();
    expect(second).toMatchObject({ sent: 3, failed: 0 });
    expect(sent.map((m) => m.id).sort()).toEqual(['t1', 't2', 't3']);
    expect((await outbox.flush()).sent).toBe(0);
  });
});

describe('two runs flushing at once', () => {
  it('send each mail once', async () => {
    const { mailer, sent } = recordingMailer();
    const a = createOutbox({ store: table, mailer, concurrency: 3 });
    const b = createOutbox({ store: table, mailer, concurrency: 3 });
    const ids = Array.from({ length: 12 }, (_, i) => `both-${i}`);
    for (const id of ids) await a.enqueue(request(id));
    const [ra, rb] = await Promise.all([a.flush(), b.flush()]);
    expect(ra.sent + rb.sent).toBe(12);
    expect(
      sent
        .filter((m) => m.id.startsWith('both-'))
        .map((m) => m.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('does not send a follow-up mail about a student who has left, but still the report mail and a mail also about others (issue #10)', async () => {
    const { mailer, sent } = recordingMailer();
    const outbox = createOutbox({ store: table, mailer });
    for (const studentId of ['s-gone', 's-here']) {
      await putStudent(
        table,
        studentData(studentId, {
          birthDate: '2008-01-01',
          teamId: 'team',
          coachId: 'coach',
          startQualification: true,
        }),
        { version: 1, eventIds: [`e-${studentId}`], expiresAt: 4_000_000_000 },
      );
    }
    await markStudentLeft(table, 's-gone', {
      leftOn: '2026-09-08',
      diplomaObtained: false,
      leftVersion: 1,
      eventIds: ['e-left'],
      expiresAt: 4_000_000_000,
    });
    const period = { from: '2026-09-07', to: '2026-09-08' };
    await outbox.enqueue({ ...request('left-follow-up'), studentIds: ['s-gone'] });
    await outbox.enqueue({
      id: 'left-report',
      template: 'report16.coach',
      to: ['coach@school.example'],
      data: {
        coachName: 'C',
        studentName: 'Student s-gone',
        minutes: 960,
        ...period,
        dueDate: '2026-09-15',
        url: 'u',
      },
      studentIds: ['s-gone'],
    });
    await outbox.enqueue({
      id: 'left-and-staying',
      template: 'frequent.coach',
      to: ['coach@school.example'],
      data: { coachName: 'C', studentName: 'Student s-gone', ...period, url: 'u' },
      also: [{ coachName: 'C', studentName: 'Student s-here', ...period, url: 'u' }],
      studentIds: ['s-gone', 's-here'],
    });

    const result = await outbox.flush({ asOf: '2026-09-08' });
    expect(result).toMatchObject({ sent: 2, cancelled: 1 });
    expect(sent.map((m) => m.id).sort()).toEqual(['left-and-staying', 'left-report']);
    expect(await getMail(table, 'left-follow-up')).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'student_left',
    });
    // A flush standing on a day before the leaving date: the student has not left yet, the mail goes.
    await outbox.enqueue({ ...request('before-leaving'), studentIds: ['s-gone'] });
    expect(await outbox.flush({ asOf: '2026-09-07' })).toMatchObject({ sent: 1, cancelled: 0 });
  });
});
