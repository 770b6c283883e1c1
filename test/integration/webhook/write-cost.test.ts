import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { startedForFile } from '../../support/started';
import { batch, registrationEvent, studentEvent } from '../../support/webhook';
import { startHarness } from './harness';

/**
 * Item writes are what DynamoDB bills for the table: a batch write of 25 items is 25 writes.
 * One per registration (the item holds the version, its verdict and its place under the
 * student's day, written alone and conditional on the version it was decided from); two per
 * delivery (the change-log item for the nightly run, and the delivery record).
 */

const SINGLE_WRITES = new Set(['UpdateCommand', 'PutCommand', 'DeleteCommand']);
const PER_DELIVERY = 2;
let writes = 0;
type Command = { constructor: { name: string }; input: { RequestItems?: Record<string, unknown[]> } };
const counting = (doc: DynamoDBDocumentClient): DynamoDBDocumentClient => {
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  wrapped.send = ((command: Command, ...rest: unknown[]) => {
    if (SINGLE_WRITES.has(command.constructor.name)) writes++;
    if (command.constructor.name === 'BatchWriteCommand')
      for (const items of Object.values(command.input.RequestItems ?? {})) writes += items.length;
    return (doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
  }) as DynamoDBDocumentClient['send'];
  return wrapped;
};

const h = startedForFile(() => startHarness({ wrap: counting }));
beforeAll(async () => {
  await h.send(batch(...Array.from({ length: 20 }, (_, s) => studentEvent(`s-cost-${s}`))));
});

const lessons = (from: number, n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) =>
    registrationEvent({
      registrationId: `r-cost-${from + i}`,
      studentId: `s-cost-${(from + i) % 20}`,
      date: `2026-10-${String(5 + (i % 5)).padStart(2, '0')}`,
      start: `${String(8 + (i % 8)).padStart(2, '0')}:00`,
      end: `${String(8 + (i % 8)).padStart(2, '0')}:50`,
      ...extra,
    }),
  );

describe('write cost of ingestion', () => {
  it('spends one write per new registration, plus two per delivery', async () => {
    writes = 0;
    const r = await h.send(batch(...lessons(0, 400)));
    expect(r.status).toBe(200);
    expect(writes).toBe(400 + PER_DELIVERY);
  });

  it('spends one write per correction, and one per event repeated in another delivery', async () => {
    writes = 0;
    await h.send(batch(...lessons(0, 100, { revision: 1, status: 'present' })));
    expect(writes).toBe(100 + PER_DELIVERY);
    const repeated = lessons(1000, 50);
    await h.send(batch(...repeated));
    writes = 0;
    const again = await h.send(batch(...repeated));
    expect(again.body.results?.every((x) => x.outcome === 'duplicate')).toBe(true);
    // A first version is written before it is read: on a repeat that write finds it stored (and
    // is billed), after naming its day in one change-log item; then the delivery record.
    expect(writes).toBe(repeated.length + 1 + PER_DELIVERY - 1);
  });
});
