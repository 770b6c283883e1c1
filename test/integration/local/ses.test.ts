import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSes, startSes } from '../../../scripts/local/ses';

describe('local SES', () => {
  let ses: LocalSes;
  beforeAll(async () => {
    ses = await startSes({ port: 0 });
  });
  afterAll(async () => {
    await ses.stop();
  });

  it('keeps a mail sent through the SES v2 SDK in its store and empties it on request', async () => {
    const client = new SESv2Client({
      endpoint: ses.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'presentie@school.example',
        Destination: { ToAddresses: ['coach@school.example'] },
        Content: { Simple: { Subject: { Data: 'Melding 16 uur' }, Body: { Text: { Data: 'Hallo' } } } },
      }),
    );
    client.destroy();

    const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    };
    expect(store.emails.map((e) => [e.subject, e.destination.to])).toEqual([
      ['Melding 16 uur', ['coach@school.example']],
    ]);

    await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
    const after = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: unknown[] };
    expect(after.emails).toEqual([]);
  });

  it('serves the web mailbox', async () => {
    const page = await fetch(ses.mailboxUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});

describe('local SES on a taken port', () => {
  it('fails with EADDRINUSE instead of crashing the process', async () => {
    const first = await startSes({ port: 0 });
    const port = Number(new URL(first.endpoint).port);
    await expect(startSes({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.stop();
  });
});
