import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createMailSenderHandler } from '../../../functions/handlers/mail-sender-handler';
import type { PlannedNight } from '../../../functions/handlers/nightly-plan-handler';
import type { Mailer } from '../../../functions/mail/ses-mailer';
import { getMail } from '../../../functions/store/outbox-repository';
import { startedForEachTest } from '../../support/started';
import { lambdaContext } from '../../support/webhook';
import { day, startHarness, studentEmail } from './harness';
import { nightHandlers } from './night-handlers';

const h = startedForEachTest(startHarness);

/** Two students absent on one day: plan, shards and finish have run; their mails wait in the queue. */
async function nightWithMailsQueued(shardSize?: number) {
  await h.student('s-a');
  await h.student('s-b');
  await h.deliver(...day('s-a', '2026-09-07'), ...day('s-b', '2026-09-07'));
  const night = nightHandlers(h);
  const plan = (await night.invoke('nightly-plan', {
    date: '2026-09-07',
    ...(shardSize ? { shardSize } : {}),
  })) as PlannedNight;
  if ('skipped' in plan) throw new Error('2026-09-07 lies in the calendar');
  for (const shard of plan.shards)
    await night.invoke('nightly-shard', { asOf: plan.asOf, run: plan.run, shard });
  await night.invoke('nightly-finish', { asOf: plan.asOf, run: plan.run });
  return { night, plan };
}

const recipientOf = async (record: SQSEvent['Records'][number]) =>
  (await getMail(h.table, (JSON.parse(record.body) as { mailId: string }).mailId))?.to ?? [];

const throttledFor = (address: string): Mailer => ({
  send: (mail) =>
    mail.to.includes(address)
      ? Promise.reject(
          Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' }),
        )
      : h.mailSenderDeps.mailer.send(mail),
});

describe('the mail sender (SQS)', () => {
  it('reports only the throttled mail of a batch as failed; delivered again, it is sent once', async () => {
    const { night } = await nightWithMailsQueued();
    const event = night.queue.receive(10);
    expect(event.Records.length).toBeGreaterThanOrEqual(2);
    const throttled = studentEmail('s-a');
    const sender = createMailSenderHandler(() => ({ ...h.mailSenderDeps, mailer: throttledFor(throttled) }));

    const response = await sender(event, lambdaContext());
    const toThrottled = [];
    for (const record of event.Records)
      if ((await recipientOf(record)).includes(throttled)) toThrottled.push(record);
    expect(toThrottled).toHaveLength(1);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: toThrottled[0]?.messageId }]);
    expect(await h.mailsTo(throttled)).toHaveLength(0);
    expect(await h.mails()).toHaveLength(event.Records.length - 1);

    // SQS delivers the failed message again once SES has room.
    const again = await createMailSenderHandler(() => h.mailSenderDeps)(
      { Records: toThrottled },
      lambdaContext(),
    );
    expect(again).toMatchObject({ batchItemFailures: [], flush: { sent: 1 } });
    expect(await h.mailsTo(throttled)).toHaveLength(1);
    expect(await h.mails()).toHaveLength(event.Records.length);
  });

  it('sends nothing twice when a message is delivered again', async () => {
    const { night } = await nightWithMailsQueued();
    const event = night.queue.receive(10);
    const sender = createMailSenderHandler(() => h.mailSenderDeps);
    const first = await sender(event, lambdaContext());
    expect(first.flush.sent).toBe(event.Records.length);
    const repeat = await sender(event, lambdaContext());
    expect(repeat).toMatchObject({ batchItemFailures: [], flush: { sent: 0, failed: 0 } });
    expect(await h.mails()).toHaveLength(event.Records.length);
  });

  it('does not retry a mail SES refused: the next night queues it again (one try a night)', async () => {
    const refusals = h.sesRefuses([studentEmail('s-b')]);
    const { night } = await nightWithMailsQueued();
    const response = await createMailSenderHandler(() => h.mailSenderDeps)(
      night.queue.receive(10),
      lambdaContext(),
    );
    expect(refusals()).toBe(1);
    expect(response.batchItemFailures).toEqual([]);
    expect(response.flush.failed).toBe(1);
  });
});

describe('the local night driver', () => {
  it('runs a small school in shards of one student and sends its mails once; a rerun sends nothing', async () => {
    await h.student('s-a');
    await h.student('s-b');
    await h.deliver(...day('s-a', '2026-09-07'), ...day('s-b', '2026-09-07'));
    const night = nightHandlers(h);
    const plan = (await night.invoke('nightly-plan', { date: '2026-09-07', shardSize: 1 })) as PlannedNight;
    expect(plan.shards.length).toBeGreaterThanOrEqual(2);

    const first = await night.night({ date: '2026-09-07' });
    expect(first).toMatchObject({ asOf: '2026-09-07', evaluated: 2, flush: { failed: 0 } });
    const sent = await h.mails();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect('flush' in first && first.flush.sent).toBe(sent.length);
    expect(night.queue.size()).toBe(0);

    const rerun = await night.night({ date: '2026-09-07' });
    expect(rerun).toMatchObject({ signals: 0, flush: { sent: 0 } });
    expect(await h.mails()).toHaveLength(sent.length);
  });
});
