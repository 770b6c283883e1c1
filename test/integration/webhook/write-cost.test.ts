import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, registrationEvent, studentEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/** Writes are what DynamoDB bills per registration: two each, plus one per delivery. */

const WRITES = new Set(['UpdateCommand', 'PutCommand', 'DeleteCommand', 'BatchWriteCommand']);
let writes = 0;
const counting = (doc: DynamoDBDocumentClient): DynamoDBDocumentClient => {
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  wrapped.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
    if (WRITES.has(command.constructor.name)) writes++;
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
  it('spends two writes per new registration and one per delivery', async () => {
    writes = 0;
    const r = await h.send(batch(...lessons(0, 400)));
    expect(r.status).toBe(200);
    expect(writes).toBe(2 * 400 + 1);
  });

  it('spends two writes per correction, and none but the delivery record on a repeated event', async () => {
    writes = 0;
    await h.send(batch(...lessons(0, 100, { revision: 1, status: 'present' })));
    expect(writes).toBe(2 * 100 + 1);
    const repeated = lessons(1000, 50);
    await h.send(batch(...repeated));
    writes = 0;
    const again = await h.send(batch(...repeated));
    expect(again.body.results?.every((x) => x.outcome === 'duplicate')).toBe(true);
    expect(writes).toBe(1);
  });
});
