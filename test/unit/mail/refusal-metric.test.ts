import { describe, expect, it } from 'vitest';
import { countingRefusals, MAIL_REFUSED } from '../../../functions/mail/refusal-metric';
import { createSesMailer } from '../../../functions/mail/ses-mailer';
import { fakeSesClient, signal8Mail as mail } from '../../support/ses-fake';

function sesFailingWith(...failures: unknown[]) {
  const { client } = fakeSesClient(failures);
  return createSesMailer({ client, from: 'p@school.example', maxAttempts: 2, sleep: async () => {} });
}

function recordedMetrics() {
  const emitted: { name: string; value: number }[] = [];
  return {
    emitted,
    port: { addMetric: (name: string, _unit: 'Count', value: number) => emitted.push({ name, value }) },
  };
}

describe('the refused-mail metric', () => {
  it('counts a mail SES refuses, and the refusal still reaches the outbox', async () => {
    const { emitted, port } = recordedMetrics();
    const rejected = Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' });
    const mailer = countingRefusals(sesFailingWith(rejected), port);
    await expect(mailer.send(mail)).rejects.toThrow('Email address is not verified.');
    expect(emitted).toEqual([{ name: MAIL_REFUSED, value: 1 }]);
  });

  it('does not count a sent mail, a throttle or an outage: those are retried, not refused', async () => {
    const { emitted, port } = recordedMetrics();
    const throttle = () =>
      Object.assign(new Error('slow down'), {
        name: 'TooManyRequestsException',
        $metadata: { httpStatusCode: 429 },
      });
    await countingRefusals(sesFailingWith(), port).send(mail);
    await expect(countingRefusals(sesFailingWith(throttle(), throttle()), port).send(mail)).rejects.toThrow();
    await expect(
      countingRefusals(
        sesFailingWith(Object.assign(new Error('down'), { name: 'InternalFailure' })),
        port,
      ).send(mail),
    ).rejects.toThrow('down');
    expect(emitted).toEqual([]);
  });
});
