import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { startedForFile } from '../../support/started';
import {
  batch,
  deletionEvent,
  leftEvent,
  noticeEvent,
  registrationEvent,
  studentEvent,
} from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/**
 * The store fails on the k-th write of a batch: the webhook answers 5xx, and after the
 * sender's retry the table holds exactly what a delivery without failure leaves.
 */

const WRITES = new Set(['UpdateCommand', 'PutCommand', 'DeleteCommand', 'BatchWriteCommand']);
/** `before`: the write never reaches the store; `after`: it lands, and its answer is lost. */
const fault = { failAt: 0, writes: 0, failedOn: '', injected: false, mode: 'before' as 'before' | 'after' };

type Command = { constructor: { name: string }; input: { Key?: { pk?: string }; UpdateExpression?: string } };

function failingOnKthWrite(doc: DynamoDBDocumentClient): DynamoDBDocumentClient {
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  wrapped.send = (async (command: Command, ...rest: unknown[]) => {
    if (WRITES.has(command.constructor.name)) {
      fault.writes++;
      if (fault.writes === fault.failAt) {
        fault.failedOn = `${command.constructor.name} ${command.input.Key?.pk ?? ''} ${command.input.UpdateExpression ?? ''}`;
        // A conditional write that fails by itself answers for itself: no answer is lost then.
        if (fault.mode === 'after')
          await (doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
        fault.injected = true;
        throw Object.assign(new Error('injected fault'), { name: 'InternalServerError' });
      }
    }
    return (doc.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
  }) as DynamoDBDocumentClient['send'];
  return wrapped;
}

const faulty = startedForFile(() => startHarness({ wrap: failingOnKthWrite }));
const clean = startedForFile(startHarness);

/** A batch touching every kind of write, with ids scoped by `p`; and what precedes it. */
function scenario(p: string) {
  const setup = batch(
    studentEvent(`${p}-a`, {}, { id: `${p}-e0` }),
    registrationEvent(
      { registrationId: `${p}-storm`, studentId: `${p}-a`, date: '2026-12-15', reason: 'severe_weather' },
      { id: `${p}-e1` },
    ),
    registrationEvent({ registrationId: `${p}-gone`, studentId: `${p}-a` }, { id: `${p}-e2` }),
  );
  const faulted = batch(
    registrationEvent(
      { registrationId: `${p}-r1`, studentId: `${p}-b`, status: 'present' },
      { id: `${p}-e3` },
    ),
    registrationEvent(
      { registrationId: `${p}-r1`, studentId: `${p}-b`, revision: 1, date: '2026-10-06' },
      { id: `${p}-e4` },
    ),
    studentEvent(`${p}-b`, {}, { id: `${p}-e5` }),
    registrationEvent({ registrationId: `${p}-r2`, studentId: `${p}-later` }, { id: `${p}-e6` }),
    deletionEvent(`${p}-gone`, 1, { id: `${p}-e7` }),
    noticeEvent('2026-12-15', { id: `${p}-e8` }),
    leftEvent(`${p}-a`, '2027-07-01', { id: `${p}-e9` }),
    registrationEvent(
      { registrationId: `${p}-r3`, studentId: `${p}-a`, status: 'late', minutesMissed: 10 },
      { id: `${p}-e10` },
    ),
  );
  return { setup, faulted };
}

/** The table without what legitimately differs between runs (clock stamps, change counters). */
async function state(h: Harness, p: string) {
  const items = (await h.scan()).filter((i) => JSON.stringify(i).includes(p));
  return items
    .map((i) => {
      // `writes` counts a registration's writes (the condition of the next one): a retry adds some.
      const { completedAt, receivedAt, dirtyVersion, writes: _writes, ...rest } = i;
      // Stamped from the clock at write time: a retry a moment later differs by design.
      if (rest.type === 'pending') delete rest.gsi1sk;
      if (rest.type === 'pending' || rest.type === 'idempotency') delete rest.expiresAt;
      return JSON.stringify(rest, (_k, v) => (v instanceof Set ? [...v].sort() : v));
    })
    .sort();
}

/**
 * Fails each write of the faulted delivery in turn, until a delivery has fewer writes than k
 * (every one was failed once), retries it as `retryId` says, and compares with a clean run.
 */
async function failEachWrite(mode: 'before' | 'after', retryId: (p: string) => string) {
  fault.mode = mode;
  let k = 1;
  for (; ; k++) {
    const p = `${mode}${k}`;
    const { setup, faulted } = scenario(p);
    const reference = await clean.send(setup);
    const referenceFaulted = await clean.send(faulted, { id: `${p}-delivery` });
    fault.failAt = 0;
    await faulty.send(setup);
    fault.writes = 0;
    fault.failedOn = '';
    fault.injected = false;
    fault.failAt = k;
    const failed = await faulty.send(faulted, { id: `${p}-delivery` });
    if (!fault.failedOn) break;
    const stored = !fault.injected;
    expect(failed.status, `write ${k}: ${fault.failedOn}`).toBe(stored ? 200 : 500);
    fault.failAt = 0;
    const retried = await faulty.send(faulted, { id: retryId(p) });
    expect(retried.status).toBe(200);
    expect(reference.status).toBe(200);
    // A retry under another id leaves its own delivery record; everything else is the same.
    const withoutRecords = (items: string[]) => items.filter((i) => !i.includes('"type":"idempotency"'));
    expect(withoutRecords(await state(faulty, p)), `write ${k}: ${fault.failedOn}`).toEqual(
      withoutRecords(await state(clean, p)),
    );
    const settled = retried.body.results?.map((r) => r.outcome);
    const expected = referenceFaulted.body.results?.map((r) => r.outcome);
    // Events stored before the failure are now known: applied or duplicate, never anything else.
    settled?.forEach((outcome, i) => {
      expect([expected?.[i], 'duplicate']).toContain(outcome);
    });
  }
  return k;
}

describe('a store failure in the middle of a batch', () => {
  it('answers 5xx, and the retry of the same delivery leaves exactly the state of a clean delivery', async () => {
    expect(await failEachWrite('before', (p) => `${p}-delivery`)).toBeGreaterThan(10);
  });

  it('answers 5xx when a write landed but its answer was lost, and a resend under a new id converges too', async () => {
    expect(await failEachWrite('after', (p) => `${p}-resent`)).toBeGreaterThan(10);
  });
});
