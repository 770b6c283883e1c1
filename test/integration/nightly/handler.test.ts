import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NightlyResult } from '../../../functions/usecases/nightly/run-nightly';
import { type LocalSes, startSes } from '../../../scripts/local/ses';
import { dayBefore as scheduledAsOf } from '../../../shared/calendar/school-time';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { batch, lambdaContext, newSecret, signedDelivery, studentEvent } from '../../support/webhook';
import { day } from './harness';

let table: TestTable;
let ses: LocalSes;
let nightly: (event: unknown) => Promise<NightlyResult>;
let deliver: (...events: Record<string, unknown>[]) => Promise<void>;

beforeAll(async () => {
  table = await startTestTable();
  ses = await startSes({ port: 0 });
  await fetch(`${ses.endpoint}/clear-store`, { method: 'POST' });
  const secret = newSecret();
  // The Lambda's environment, read once at cold start (the import below).
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    MAIL_FROM: 'Presentie <presentie@school.example>',
    DASHBOARD_URL: 'https://presentie.school.example',
    PRESENCE_WEBHOOK_SECRETS: secret,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const { handler } = await import('../../../functions/handlers/nightly');
  const webhook = (await import('../../../functions/handlers/webhook')).handler;
  nightly = (event) => handler(event, lambdaContext()) as Promise<NightlyResult>;
  deliver = async (...events) => {
    const result = await webhook(signedDelivery(batch(...events), { secret }), lambdaContext());
    if ((result as { statusCode?: number }).statusCode !== 200) throw new Error(JSON.stringify(result));
  };
});
afterAll(async () => {
  await ses.stop();
  await table.stop();
});

describe('the nightly Lambda handler', () => {
  it('replays a named date, and a second replay of that date sends nothing new', async () => {
    await deliver(
      {
        id: 'evt-staff-coach',
        type: 'staff.upserted',
        occurredAt: '2026-08-20T07:00:00+02:00',
        data: {
          staffId: 'c-jansen',
          name: 'M. Jansen',
          email: 'c-jansen@school.example',
          roles: ['coach'],
          orgUnitIds: [],
        },
      },
      studentEvent('s-hal'),
      ...day('s-hal', '2026-09-10'),
      ...day('s-hal', '2026-09-11'),
    );
    const first = await nightly({ date: '2026-09-11' });
    // Both days at once: the 8-hour signal of 10 September is covered by the report of the same
    // run, so only the coach is mailed (catching up, issue #10).
    expect(first).toMatchObject({ asOf: '2026-09-11', evaluated: 1, flush: { sent: 1, failed: 0 } });
    const second = await nightly({ date: '2026-09-11' });
    expect(second).toMatchObject({ evaluated: 0, signals: 0, flush: { sent: 0 } });
    const store = (await (await fetch(`${ses.endpoint}/store`)).json()) as { emails: { subject: string }[] };
    expect(store.emails.map((m) => m.subject).sort()).toEqual(['16-uursmelding: Student s-hal']);
  });

  it('evaluates the day before in Amsterdam when the scheduler invokes it at 05:30', () => {
    expect(scheduledAsOf(new Date('2026-10-26T04:30:00Z'))).toBe('2026-10-25'); // winter time, 05:30 local
    expect(scheduledAsOf(new Date('2026-07-01T03:30:00Z'))).toBe('2026-06-30'); // summer time, 05:30 local
    expect(scheduledAsOf(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01'); // already 2 March locally
  });
});
