import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { WEBHOOK_DELIVERIES, WEBHOOK_SIGNATURE_REFUSED } from '../../../functions/handlers/webhook-metrics';
import { batch, newSecret, studentEvent, webhookEvent } from '../../support/webhook';
import { type Harness, startHarness } from './harness';

/**
 * The metrics the 401 rate alarm watches (infra/constructs/api-alarms.ts). Metrics are
 * not published in tests (POWERTOOLS_METRICS_DISABLED); what the handler adds is what
 * CloudWatch would get.
 */
const added = vi.spyOn(Metrics.prototype, 'addMetric');
const counted = (name: string) =>
  added.mock.calls.filter(([n]) => n === name).reduce((sum, [, , value]) => sum + Number(value), 0);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  added.mockClear();
});

describe('the webhook counts what its alarms watch', () => {
  it('counts a delivery refused its signature (401) among the deliveries', async () => {
    const forged = await h.send(batch(studentEvent('s-forged')), { secret: newSecret() });
    const unsigned = await h.invoke(webhookEvent(JSON.stringify(batch(studentEvent('s-unsigned'))), {}));
    expect([forged.status, unsigned.status]).toEqual([401, 401]);
    expect(counted(WEBHOOK_SIGNATURE_REFUSED)).toBe(2);
    expect(counted(WEBHOOK_DELIVERIES)).toBe(2);
  });

  it('counts no refusal for a delivery that is stored', async () => {
    expect((await h.send(batch(studentEvent('s-stored')))).status).toBe(200);
    expect(counted(WEBHOOK_DELIVERIES)).toBe(1);
    expect(counted(WEBHOOK_SIGNATURE_REFUSED)).toBe(0);
  });
});
