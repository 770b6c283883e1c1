import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../../functions/store/client';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { listAllPendingEvents } from '../../../functions/store/pending-events';
import { ingestBatch } from '../../../functions/usecases/ingest/ingest-batch';
import type { PresenceEvent } from '../../../shared/contract/events';
import { startTestTable } from '../../support/dynalite';
import { startedForFile } from '../../support/started';
import { registrationEvent, studentEvent } from '../../support/webhook';

/**
 * Deliveries arrive in parallel (several Lambdas at once, the sender's retries). They write side
 * by side, each write conditional on what it was decided from, so whatever the timing the table
 * ends as if they came one by one.
 */

const table = startedForFile(startTestTable);

const deps = (doc: DynamoDBDocumentClient) => ({
  store: { doc, tableName: table.tableName },
  retentionYears: 5,
  now: () => new Date(),
});

const deliver = (events: unknown[], id: string, doc = table.doc) =>
  ingestBatch(deps(doc), { deliveryId: id, events: events as PresenceEvent[] });

type Sent = {
  constructor: { name: string };
  input: { Key?: { pk?: string }; Item?: { pk?: string }; RequestItems?: Record<string, unknown[]> };
};
const targets = (command: Sent): string[] => {
  const single = command.input.Key?.pk ?? command.input.Item?.pk;
  if (single) return [single];
  return Object.values(command.input.RequestItems ?? {}).flatMap((requests) =>
    requests.map((r) => (r as { PutRequest: { Item: { pk: string } } }).PutRequest.Item.pk),
  );
};

/** Calls `meanwhile` (without waiting for it) just before the first write of kind `name` to `pk`. */
function interleaving(doc: DynamoDBDocumentClient, name: string, pk: string, meanwhile: () => void) {
  let done = false;
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  wrapped.send = ((command: Sent) => {
    if (!done && command.constructor.name === name && targets(command).includes(pk)) {
      done = true;
      meanwhile();
    }
    return (doc.send as (c: unknown) => Promise<unknown>)(command);
  }) as DynamoDBDocumentClient['send'];
  return wrapped;
}

const lessonsPerDay = async (studentId: string) =>
  (await listDaySummaries(table, studentId, '2026-10-01', '2026-10-31')).map((d) => [
    d.date,
    d.summary.lessons,
  ]);

describe('concurrent deliveries', () => {
  it('leave only the newer revision counted when it moved the lesson while the older was being written', async () => {
    await deliver([studentEvent('s-race')], 'd-student');
    const older = registrationEvent({ registrationId: 'r-race', studentId: 's-race', date: '2026-10-05' });
    const newer = registrationEvent({
      registrationId: 'r-race',
      studentId: 's-race',
      date: '2026-10-06',
      revision: 1,
    });
    let racing: Promise<unknown> = Promise.resolve();
    const doc = interleaving(table.doc, 'PutCommand', 'REG#r-race', () => {
      racing = deliver([newer], 'd-newer');
    });
    const first = await deliver([older], 'd-older', doc);
    const second = (await racing) as Awaited<ReturnType<typeof deliver>>;
    expect(first.results.map((r) => r.outcome)).toEqual(['applied']);
    expect(second.results.map((r) => r.outcome)).toEqual(['applied']);
    expect(await lessonsPerDay('s-race')).toEqual([['2026-10-06', 1]]);
  });

  it('converge to one state whichever of two racing revisions starts first', async () => {
    for (const order of ['older first', 'newer first'] as const) {
      const s = `s-order-${order.split(' ')[0]}`;
      await deliver([studentEvent(s)], `d-${s}`);
      const older = registrationEvent({ registrationId: `r-${s}`, studentId: s, date: '2026-10-05' });
      const newer = registrationEvent({
        registrationId: `r-${s}`,
        studentId: s,
        date: '2026-10-07',
        revision: 1,
      });
      const pair = order === 'older first' ? [older, newer] : [newer, older];
      await Promise.all(pair.map((e, i) => deliver([e], `d-${s}-${i}`)));
      expect(await lessonsPerDay(s), order).toEqual([['2026-10-07', 1]]);
    }
  });

  it('apply an event about a student whose upsert is delivered at the same moment', async () => {
    const lesson = registrationEvent({ registrationId: 'r-late', studentId: 's-late' });
    const results = await Promise.all([
      deliver([lesson], 'd-late-lesson'),
      deliver([studentEvent('s-late')], 'd-late-student'),
    ]);
    expect(['applied', 'pending']).toContain(results[0].results[0]?.outcome);
    const [stored] = await listDaySummaries(table, 's-late', '2026-10-05', '2026-10-05');
    expect(stored?.summary.lessons).toBe(1);
    expect((await listAllPendingEvents(table)).filter((p) => p.studentId === 's-late')).toEqual([]);
  });

  it('clear the lesson of a failed delivery that a newer revision overtook before the retry', async () => {
    await deliver([studentEvent('s-over')], 'd-over-student');
    const at = (date: string, revision: number) =>
      registrationEvent(
        { registrationId: 'r-over', studentId: 's-over', date, revision },
        { id: `e-over-${revision}` },
      );
    await deliver([at('2026-10-05', 0)], 'd-over-0');
    // The first attempt names its days in the change log, then fails before writing the registration.
    const failing = Object.create(table.doc) as DynamoDBDocumentClient;
    failing.send = ((command: Sent) => {
      if (command.constructor.name === 'PutCommand' && targets(command).includes('REG#r-over'))
        return Promise.reject(Object.assign(new Error('injected fault'), { name: 'InternalServerError' }));
      return (table.doc.send as (c: unknown) => Promise<unknown>)(command);
    }) as DynamoDBDocumentClient['send'];
    await expect(deliver([at('2026-10-06', 1)], 'd-over-1', failing)).rejects.toThrow('injected fault');
    await deliver([at('2026-10-07', 2)], 'd-over-2');
    const retry = await deliver([at('2026-10-06', 1)], 'd-over-1');
    expect(retry.results.map((r) => r.outcome)).toEqual(['stale']);
    expect(await lessonsPerDay('s-over')).toEqual([['2026-10-07', 1]]);
  });
});

describe('a process that keeps the students it read', () => {
  it('reads a student again once another process changed the roster', async () => {
    // Two Lambdas: each keeps the students it read between deliveries.
    const first = table.doc;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = table.endpoint;
    const second = createDocumentClient();
    const appointment = (registrationId: string) =>
      registrationEvent({
        registrationId,
        studentId: 's-roster',
        reason: 'medical_appointment',
        notice: { channel: 'email', reportedBy: 'student', proof: false },
      });
    await deliver([studentEvent('s-roster', { birthDate: '2009-03-14' })], 'd-roster-1', first);
    await deliver([appointment('r-roster-1')], 'd-roster-2', first);
    const corrected = studentEvent(
      's-roster',
      { birthDate: '2000-01-01' },
      { occurredAt: '2026-10-06T07:00:00+02:00' },
    );
    await deliver([corrected], 'd-roster-3', second);
    await deliver([appointment('r-roster-2')], 'd-roster-4', first);
    const [stored] = await listDaySummaries(table, 's-roster', '2026-10-05', '2026-10-05');
    // Of age by the corrected birth date: both appointments authorized.
    expect(stored?.summary.unauthorizedMinutes).toBe(0);
    expect(stored?.summary.lessons).toBe(2);
    second.destroy();
  });
});
