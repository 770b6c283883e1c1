import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAIL_DEFERRED,
  MAIL_GIVEN_UP,
  MAIL_SEND_FAILURES,
  NIGHTLY_STUDENT_FAILURES,
} from '../../../functions/usecases/nightly/run-metrics';
import { day, type Harness, startHarness, studentEmail } from './harness';
import { nightHandlers } from './night-handlers';

// Metrics are not published in tests (POWERTOOLS_METRICS_DISABLED); what the handler adds is what CloudWatch would get.
const added = vi.spyOn(Metrics.prototype, 'addMetric');
const metric = (name: string) => added.mock.calls.filter(([n]) => n === name).map(([, , value]) => value);
/** A metric's sum over the night (the mail sender adds one per batch it gets). */
const total = (name: string) => metric(name).reduce<number>((sum, v) => sum + Number(v), 0);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  added.mockClear();
});
afterEach(async () => {
  await h.stop();
});

describe("what the night's handlers report for the alarms", () => {
  it('counts a failed student, failed sends and a mail given up; zero on a quiet night', async () => {
    const { night } = nightHandlers(h);
    const perNight: number[][] = [];
    await h.student('s-bad');
    await h.student('s-refused');
    await h.deliver(...day('s-bad', '2026-09-07'), ...day('s-refused', '2026-09-07'));
    h.storeFailsWhen((command) => JSON.stringify(command.input).includes('STUREG#s-bad'));
    h.sesRefuses([studentEmail('s-refused')]);

    const names = [NIGHTLY_STUDENT_FAILURES, MAIL_SEND_FAILURES, MAIL_DEFERRED, MAIL_GIVEN_UP];
    for (const date of ['2026-09-07', '2026-09-08', '2026-09-09']) {
      added.mockClear();
      await night({ date });
      perNight.push(names.map(total));
    }
    // The refused mail is tried once a night (a refusal is not retried by the queue) and given up on the third.
    expect(perNight).toEqual([
      [1, 1, 0, 0],
      [1, 1, 0, 0],
      [1, 1, 0, 1],
    ]);

    added.mockClear();
    h.storeRecovers();
    await night({ date: '2026-09-10' });
    // A quiet night: the finish step reports no failed student; no mail left to send, so no sender ran.
    expect(metric(NIGHTLY_STUDENT_FAILURES)).toEqual([0]);
    expect(names.slice(1).map(total)).toEqual([0, 0, 0]);
  });
});
