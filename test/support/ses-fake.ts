import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { OutgoingMail } from '../../functions/mail/types';

/** A student's 8-hour warning, as the mailer tests send it. */
export const signal8Mail: OutgoingMail = {
  id: 'sig-1:student',
  kind: 'signal8',
  to: ['student@school.example'],
  subject: 'Onderwerp',
  text: 'tekst',
  html: '<p>tekst</p>',
};

/** An SES client that fails with `failures` in turn, then sends; `inputs` records every request. */
export function fakeSesClient(failures: unknown[]) {
  const inputs: Record<string, unknown>[] = [];
  const client = {
    send: (command: { input: Record<string, unknown> }) => {
      inputs.push(command.input);
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      return Promise.resolve({ MessageId: `msg-${inputs.length}` });
    },
  } as unknown as SESv2Client;
  return { client, inputs };
}
