import { describe, expect, it } from 'vitest';
import type { NightlyResult } from '../../../functions/usecases/nightly/run-nightly';
import { dayBefore as scheduledAsOf } from '../../../shared/calendar/school-time';
import { startedForFile } from '../../support/started';
import { studentEvent } from '../../support/webhook';
import { startDeployedLambdas } from './deployed';
import { day } from './harness';

const lambdas = startedForFile(startDeployedLambdas);
const nightly = async (event: unknown) => (await lambdas.nightly(event)) as NightlyResult;
const deliver = (...events: Record<string, unknown>[]) => lambdas.deliver(...events);

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
    const store = (await (await fetch(`${lambdas.sesEndpoint}/store`)).json()) as {
      emails: { subject: string }[];
    };
    expect(store.emails.map((m) => m.subject).sort()).toEqual(['16-uursmelding: Student s-hal']);
  });

  it('evaluates the day before in Amsterdam when the scheduler invokes it at 05:30', () => {
    expect(scheduledAsOf(new Date('2026-10-26T04:30:00Z'))).toBe('2026-10-25'); // winter time, 05:30 local
    expect(scheduledAsOf(new Date('2026-07-01T03:30:00Z'))).toBe('2026-06-30'); // summer time, 05:30 local
    expect(scheduledAsOf(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01'); // already 2 March locally
  });
});
