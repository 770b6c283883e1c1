import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDaySummaries } from '../../../functions/store/day-summaries';
import { listAllPendingEvents } from '../../../functions/store/pending-events';
import { ingestBatch } from '../../../functions/usecases/ingest/ingest-batch';
import type { PresenceEvent } from '../../../shared/contract/events';
import { startTestTable, type TestTable } from '../../support/dynalite';
import { registrationEvent, studentEvent } from '../../support/webhook';

/**
 * Two deliveries of one registration racing in parallel Lambdas: the newer revision moves
 * the lesson to another day while the older one is between its two writes.
 */

let table: TestTable;
beforeAll(async () => {
  table = await startTestTable();
});
afterAll(async () => {
  await table.stop();
});

const deps = (doc: DynamoDBDocumentClient) => ({
  store: { doc, tableName: table.tableName },
  retentionYears: 5,
  now: () => new Date(),
});

type Sent = { constructor: { name: string }; input: { Key?: { pk?: string }; Item?: { pk?: string } } };

/** Runs `meanwhile` just before the first write of kind `name` to an item with this `pk`. */
function interleaving(
  doc: DynamoDBDocumentClient,
  name: string,
  pk: string,
  meanwhile: () => Promise<unknown>,
) {
  let done = false;
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  wrapped.send = (async (command: Sent) => {
    const target = command.input.Key?.pk ?? command.input.Item?.pk;
    if (!done && command.constructor.name === name && target === pk) {
      done = true;
      await meanwhile();
    }
    return (doc.send as (c: unknown) => Promise<unknown>)(command);
  }) as DynamoDBDocumentClient['send'];
  return wrapped;
}

describe('concurrent deliveries', () => {
  it('leave only the newer revision counted when it moved the lesson to another day', async () => {
    await ingestBatch(deps(table.doc), {
      deliveryId: 'd-student',
      events: [studentEvent('s-race') as unknown as PresenceEvent],
    });
    const older = registrationEvent({ registrationId: 'r-race', studentId: 's-race', date: '2026-10-05' });
    const newer = registrationEvent({
      registrationId: 'r-race',
      studentId: 's-race',
      date: '2026-10-06',
      revision: 1,
    });
    const racing = interleaving(table.doc, 'UpdateCommand', 'REG#r-race', () =>
      ingestBatch(deps(table.doc), { deliveryId: 'd-newer', events: [newer as unknown as PresenceEvent] }),
    );
    const result = await ingestBatch(deps(racing), {
      deliveryId: 'd-older',
      events: [older as unknown as PresenceEvent],
    });
    expect(result.results.map((r) => r.outcome)).toEqual(['stale']);
    const days = await listDaySummaries(table, 's-race', '2026-10-01', '2026-10-31');
    expect(days.map((d) => [d.date, d.summary.lessons])).toEqual([
      ['2026-10-05', 0],
      ['2026-10-06', 1],
    ]);
  });

  it('apply an event about a student who arrives while the event is being kept pending', async () => {
    const lesson = registrationEvent({ registrationId: 'r-late', studentId: 's-late' });
    const racing = interleaving(table.doc, 'PutCommand', 'PENDING#s-late', () =>
      ingestBatch(deps(table.doc), {
        deliveryId: 'd-late-student',
        events: [studentEvent('s-late') as unknown as PresenceEvent],
      }),
    );
    const result = await ingestBatch(deps(racing), {
      deliveryId: 'd-late-lesson',
      events: [lesson as unknown as PresenceEvent],
    });
    expect(result.results.map((r) => r.outcome)).toEqual(['pending']);
    const [stored] = await listDaySummaries(table, 's-late', '2026-10-05', '2026-10-05');
    expect(stored?.summary.lessons).toBe(1);
    expect((await listAllPendingEvents(table)).filter((p) => p.studentId === 's-late')).toEqual([]);
  });
});
