import { describe, expect, it } from 'vitest';
import { createSesMailer } from '../../../functions/mail/ses-mailer';
import { fakeSesClient, signal8Mail as mail } from '../../support/ses-fake';

function throttle(name: string) {
  return Object.assign(new Error('slow down'), { name, $metadata: { httpStatusCode: 429 } });
}

describe('SES mailer', () => {
  it('sends from the configured address with the kind tag and both bodies', async () => {
    const { client, inputs } = fakeSesClient([]);
    const mailer = createSesMailer({ client, from: 'Presentie <p@school.example>', sleep: async () => {} });
    expect(await mailer.send(mail)).toBe('msg-1');
    expect(inputs[0]).toMatchObject({
      FromEmailAddress: 'Presentie <p@school.example>',
      Destination: { ToAddresses: ['student@school.example'] },
      EmailTags: [{ Name: 'kind', Value: 'signal8' }],
      Content: { Simple: { Body: { Text: { Data: 'tekst' }, Html: { Data: '<p>tekst</p>' } } } },
    });
  });

  it('backs off and retries when SES throttles, then delivers once', async () => {
    const { client, inputs } = fakeSesClient([
      throttle('TooManyRequestsException'),
      throttle('ThrottlingException'),
    ]);
    const waits: number[] = [];
    const mailer = createSesMailer({
      client,
      from: 'p@school.example',
      sleep: async (ms) => void waits.push(ms),
    });
    expect(await mailer.send(mail)).toBe('msg-3');
    expect(inputs).toHaveLength(3);
    expect(waits.filter((ms) => ms >= 100).length).toBeGreaterThanOrEqual(2);
  });

  it('gives up after the attempts allowed, so the outbox keeps the mail for the next run', async () => {
    const { client } = fakeSesClient(Array.from({ length: 10 }, () => throttle('TooManyRequestsException')));
    const mailer = createSesMailer({
      client,
      from: 'p@school.example',
      maxAttempts: 3,
      sleep: async () => {},
    });
    await expect(mailer.send(mail)).rejects.toMatchObject({ name: 'TooManyRequestsException' });
  });

  it('does not retry a mail SES refuses for another reason', async () => {
    const refused = Object.assign(new Error('bad address'), { name: 'BadRequestException' });
    const { client, inputs } = fakeSesClient([refused]);
    const mailer = createSesMailer({ client, from: 'p@school.example', sleep: async () => {} });
    await expect(mailer.send(mail)).rejects.toThrow('bad address');
    expect(inputs).toHaveLength(1);
  });

  it('paces sends below the configured rate', async () => {
    const { client } = fakeSesClient([]);
    const waits: number[] = [];
    const mailer = createSesMailer({
      client,
      from: 'p@school.example',
      maxPerSecond: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    for (let i = 0; i < 4; i++) await mailer.send({ ...mail, id: `m${i}` });
    // 4 mails at 2 per second: three of them had to wait for a slot, together about 1.5 s.
    expect(waits).toHaveLength(3);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });
});
