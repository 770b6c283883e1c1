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
  it('spends at most two writes per new registration, plus one per delivery', async () => {
    writes = 0;
    const r = await h.send(batch(...lessons(0, 400)));
    expect(r.status).toBe(200);
    // One registration item each; a student's lessons of one day share day-summary writes (10 a write).
    const perDay = new Map<string, number>();
    for (const e of lessons(0, 400)) {
      const { studentId, date } = e.data as { studentId: string; date: string };
      perDay.set(`${studentId} ${date}`, (perDay.get(`${studentId} ${date}`) ?? 0) + 1);
    }
    const dayWrites = [...perDay.values()].reduce((sum, n) => sum + Math.ceil(n / 10), 0);
    expect(writes).toBe(400 + dayWrites + 1);
    expect(writes).toBeLessThanOrEqual(2 * 400 + 1);
  });

  it('spends at most two writes per correction, and none but the delivery record on a repeated event', async () => {
    writes = 0;
    await h.send(batch(...lessons(0, 100, { revision: 1, status: 'present' })));
    expect(writes).toBeLessThanOrEqual(2 * 100 + 1);
    expect(writes).toBeGreaterThan(100);
    const repeated = lessons(1000, 50);
    await h.send(batch(...repeated));
    writes = 0;
    const again = await h.send(batch(...repeated));
    expect(again.body.results?.every((x) => x.outcome === 'duplicate')).toBe(true);
    expect(writes).toBe(1);
  });
});
