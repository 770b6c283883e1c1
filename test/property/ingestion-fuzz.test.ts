import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../integration/webhook/harness';
import { startedForFile } from '../support/started';
import {
  batch,
  deletionEvent,
  HARNESS_NOW,
  leftEvent,
  noticeEvent,
  registrationEvent,
  signHeaders,
  studentEvent,
  webhookEvent,
} from '../support/webhook';

/**
 * 10,000 malformed or random bodies, signed and unsigned: every answer is a 4xx and nothing
 * is stored. Mutations of valid batches are chosen so that each is certainly invalid, by the
 * schema or by the refusals beyond it (issue 11: the envelope, ids, names, the clock, revisions,
 * the calendar). A 400 lists at most 100 issues and never outgrows the request.
 */

const h = startedForFile(startHarness);

type Json = Record<string, unknown>;
const templates: Array<() => Json> = [
  () => studentEvent('s-fuzz'),
  () => registrationEvent({ registrationId: 'r-fuzz', studentId: 's-fuzz', reason: 'sick' }),
  () =>
    registrationEvent({ registrationId: 'r-fuzz', studentId: 's-fuzz', status: 'late', minutesMissed: 5 }),
  () => deletionEvent('r-fuzz', 2),
  () => noticeEvent('2026-12-15'),
  () => leftEvent('s-fuzz', '2027-07-01'),
];

const wrongType = (value: unknown): unknown =>
  typeof value === 'string'
    ? 12345
    : typeof value === 'number'
      ? 'twelve'
      : typeof value === 'boolean'
        ? 'yes'
        : 'x';

/** A batch of valid events with exactly one certainly-invalid mutation. */
const mutatedBatch = fc
  .record({
    picks: fc.array(fc.integer({ min: 0, max: templates.length - 1 }), { minLength: 1, maxLength: 4 }),
    target: fc.nat(),
    field: fc.nat(),
    kind: fc.constantFrom(
      'unknownField',
      'wrongType',
      'badId',
      'badTime',
      'badType',
      'noData',
      'notObject',
      'envelopeField',
      'idCharacter',
      'future',
      'hugeRevision',
      'outsideCalendar',
      'blankName',
    ),
    junk: fc.string({ maxLength: 20 }),
    unsafe: fc.constantFrom('#', ' ', '\t', '\n', '\u0000', '\u007F', '\u202E', '\u2066', '\u200F'),
  })
  .map(({ picks, target, field, kind, junk, unsafe }) => {
    const events = picks.map((i) => (templates[i] as () => Json)());
    const event = events[target % events.length] as Json;
    const data = event.data as Json;
    const keys = Object.keys(data);
    const key = keys[field % keys.length] as string;
    switch (kind) {
      case 'unknownField':
        data[`x_${junk}`] = junk;
        break;
      case 'wrongType':
        data[key] = wrongType(data[key]);
        break;
      case 'badId':
        event.id = field % 2 === 0 ? '' : 'i'.repeat(129);
        break;
      case 'badTime':
        event.occurredAt = `2026-10-05 ${junk}`;
        break;
      case 'badType':
        event.type = `x.${junk}`;
        break;
      case 'noData':
        delete event.data;
        break;
      case 'notObject':
        events[target % events.length] = junk as unknown as Json;
        break;
      case 'envelopeField':
        event[`x_${junk}`] = junk;
        break;
      case 'idCharacter':
        event.id = `evt${junk.slice(0, field % 4)}${unsafe}${junk}`;
        break;
      case 'future':
        // Beyond the 5 minutes of clock skew the handler's clock (HARNESS_NOW) allows.
        event.occurredAt = new Date(HARNESS_NOW.getTime() + 301_000 + (field % 10 ** 9)).toISOString();
        break;
      case 'hugeRevision':
        events.push(deletionEvent('r-fuzz', 2 ** 31 + (field % 2 ** 21)));
        break;
      case 'outsideCalendar':
        events.push(
          registrationEvent({
            registrationId: 'r-fuzz-far',
            studentId: 's-fuzz',
            date: field % 2 === 0 ? '2025-08-17' : '2028-07-24',
          }),
        );
        break;
      case 'blankName':
        events.push(
          studentEvent('s-fuzz', { displayName: `${unsafe === '#' ? '' : unsafe}\u202A \r\n\u200E` }),
        );
        break;
    }
    return JSON.stringify(batch(...events));
  });

const randomBody = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ events: value })),
  mutatedBatch,
);

const delivery = fc.record({
  body: randomBody,
  signing: fc.constantFrom('valid', 'valid', 'valid', 'none', 'forged', 'stale'),
  contentType: fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', ''),
  id: fc.string({ minLength: 1, maxLength: 20 }),
});

describe('the webhook under random input', () => {
  it('answers 10,000 malformed or random bodies with a 4xx and stores nothing', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(delivery, async ({ body, signing, contentType, id }) => {
        const now = Math.floor(Date.now() / 1000);
        const headers =
          signing === 'none'
            ? {}
            : signing === 'forged'
              ? { 'webhook-id': id, 'webhook-timestamp': String(now), 'webhook-signature': `v1,${btoa(id)}` }
              : signHeaders(body, { secret: h.secret, id, timestamp: signing === 'stale' ? now - 600 : now });
        const r = await h.invoke(webhookEvent(body, { ...headers, 'content-type': contentType }));
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.body.error).toEqual(expect.any(String));
        if (r.status === 400) {
          const issues = r.body.issues as unknown[];
          expect(issues.length).toBeLessThanOrEqual(100);
          expect(r.body.issueCount).toBeGreaterThanOrEqual(issues.length);
          expect(JSON.stringify(r.body).length).toBeLessThanOrEqual(Math.max(body.length, 1024));
        }
      }),
      { numRuns: 10_000 },
    );
    expect(await h.scan()).toEqual([]);
    // The input reached every refusal the contract names, not just the signature check.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 401, 415]));
  });
});
