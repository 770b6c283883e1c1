import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, registrationEvent, studentEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/**
 * Item writes are what DynamoDB bills: a batch write of 25 items is 25 writes. Per
 * registration one head, per student-day one day summary, per delivery three (taking and
 * giving back the lease, and the delivery record).
 */

const SINGLE_WRITES = new Set(['UpdateCommand', 'PutCommand', 'DeleteCommand']);
const PER_DELIVERY = 3;
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

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ wrap: counting });
  await h.send(batch(...Array.from({ length: 20 }, (_, s) => studentEvent(`s-cost-${s}`))));
});
afterAll(async () => {
  await h.stop();
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
  it('spends one write per new registration and one per student-day, plus three per delivery', async () => {
    writes = 0;
    const r = await h.send(batch(...lessons(0, 400)));
    expect(r.status).toBe(200);
    const days = new Set(
      lessons(0, 400).map((e) => {
        const { studentId, date } = e.data as { studentId: string; date: string };
        return `${studentId} ${date}`;
      }),
    );
    expect(writes).toBe(400 + days.size + PER_DELIVERY);
    expect(writes).toBeLessThanOrEqual(2 * 400);
  });

  it('spends at most two writes per correction, and none but the delivery record and the lease on a repeated event', async () => {
    writes = 0;
    await h.send(batch(...lessons(0, 100, { revision: 1, status: 'present' })));
    expect(writes).toBeLessThanOrEqual(2 * 100 + PER_DELIVERY);
    expect(writes).toBeGreaterThan(100);
    const repeated = lessons(1000, 50);
    await h.send(batch(...repeated));
    writes = 0;
    const again = await h.send(batch(...repeated));
    expect(again.body.results?.every((x) => x.outcome === 'duplicate')).toBe(true);
    expect(writes).toBe(PER_DELIVERY);
  });
});
