import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../functions/mail/outbox';
import type { Mailer } from '../../../functions/mail/ses-mailer';
import type { MailRequest } from '../../../functions/mail/templates';
import type { OutgoingMail } from '../../../functions/mail/types';
import { getMail } from '../../../functions/store/outbox-repository';
import { startTestTable, type TestTable } from '../../support/dynalite';

let table: TestTable;
beforeAll(async () => {
  table = await startTestTable();
});
afterAll(async () => {
  await table.stop();
});

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
    send: async (mail) => {
      if (throttling)
        throw Object.assign(new Error('Maximum sending rate exceeded'), { name: 'TooManyRequestsException' });
      sent.push(mail);
      return `msg-${sent.length}`;
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
});
