import { describe, expect, it } from 'vitest';
import { startedForFile } from '../../support/started';
import {
  batch,
  newSecret,
  registrationEvent,
  signedDelivery,
  signHeaders,
  studentEvent,
  webhookEvent,
} from '../../support/webhook';
import { startHarness } from './harness';

const rotated = newSecret();
const h = startedForFile(() => startHarness({ secrets: [newSecret(), rotated] }));

const valid = () => batch(studentEvent('s-refused'));

describe('signature', () => {
  it('accepts a delivery signed with any of the configured secrets (rotation)', async () => {
    expect((await h.send(valid())).status).toBe(200);
    expect((await h.send(valid(), { secret: rotated })).status).toBe(200);
  });

  it('refuses a delivery signed with another secret with 401, storing nothing', async () => {
    const before = await h.scan();
    const r = await h.send(batch(studentEvent('s-forged')), { secret: newSecret() });
    expect(r.status).toBe(401);
    expect(r.body.error).toEqual(expect.any(String));
    expect(await h.scan()).toEqual(before);
  });

  it('refuses a delivery without signature headers with 401', async () => {
    const r = await h.invoke(webhookEvent(JSON.stringify(valid()), {}));
    expect(r.status).toBe(401);
  });

  it('refuses a timestamp more than 5 minutes old or ahead with 401, and accepts one within', async () => {
    // Read the clock for each delivery: a slow first one (cold start) must not move the others.
    // 310 s, not 301: the handler reads its clock a moment after the test, on a loaded machine
    // seconds after, and a timestamp 301 s ahead would then lie within the 300 s tolerance.
    const now = () => Math.floor(Date.now() / 1000);
    expect((await h.send(valid(), { timestamp: now() - 310 })).status).toBe(401);
    expect((await h.send(valid(), { timestamp: now() + 310 })).status).toBe(401);
    expect((await h.send(valid(), { timestamp: now() - 240 })).status).toBe(200);
  });

  it('refuses a body changed after signing with 401', async () => {
    const body = JSON.stringify(valid());
    const headers = signHeaders(body, { secret: h.secret });
    const r = await h.invoke(webhookEvent(body.replace('s-refused', 's-tampered'), headers));
    expect(r.status).toBe(401);
  });

  it('verifies over the raw bytes of a base64-encoded body', async () => {
    const r = await h.send(batch(studentEvent('s-base64', { displayName: 'Zoë Çelik' })), { base64: true });
    expect(r.status).toBe(200);
  });
});

describe('body', () => {
  it('refuses a body that is not JSON with 400', async () => {
    const r = await h.send('{"events": [');
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual(expect.any(String));
  });

  it('refuses a wrong content type with 415', async () => {
    const r = await h.send(valid(), { contentType: 'text/plain' });
    expect(r.status).toBe(415);
    expect((await h.send(valid(), { contentType: 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = batch(studentEvent('s-big', { displayName: 'x'.repeat(200) }));
    const body = JSON.stringify(big).replace('{', `{"padding":"${'x'.repeat(1024 * 1024)}",`);
    const r = await h.invoke(signedDelivery(body, { secret: h.secret }));
    expect(r.status).toBe(413);
  });

  it('refuses more than 500 events with 413 and accepts exactly 500', async () => {
    const many = (n: number) => batch(...Array.from({ length: n }, (_, i) => studentEvent(`s-many-${i}`)));
    expect((await h.send(many(501))).status).toBe(413);
    const r = await h.send(many(500));
    expect(r.status).toBe(200);
    expect(r.body.received).toBe(500);
  });

  it('lists every schema issue by event index and path, and stores nothing of the batch', async () => {
    const before = await h.scan();
    const r = await h.send(
      batch(
        studentEvent('s-bad-batch'),
        registrationEvent({ registrationId: 'r-bad', studentId: 's-bad-batch', date: '2026-13-01' }),
        registrationEvent({
          registrationId: 'r-bad-2',
          studentId: 's-bad-batch',
          status: 'late',
          colour: 'red',
        }),
        { id: 'x', type: 'unknown.event', occurredAt: '2026-10-05T10:00:00+02:00', data: {} },
      ),
    );
    expect(r.status).toBe(400);
    expect(r.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 1, path: 'data.date' }),
        expect.objectContaining({ event: 2, path: 'data.colour' }),
        expect.objectContaining({ event: 2, path: 'data.minutesMissed' }),
        expect.objectContaining({ event: 3, path: 'type' }),
      ]),
    );
    expect(r.body.issues as unknown[]).not.toContainEqual(expect.objectContaining({ event: 0 }));
    expect(await h.scan()).toEqual(before);
  });

  it('refuses minutes missed beyond the lesson length and an empty batch', async () => {
    const long = registrationEvent({
      registrationId: 'r-long',
      studentId: 's',
      status: 'late',
      minutesMissed: 91,
    });
    expect((await h.send(batch(long))).body.issues).toEqual([
      expect.objectContaining({ event: 0, path: 'data.minutesMissed' }),
    ]);
    expect((await h.send(batch())).status).toBe(400);
  });
});
