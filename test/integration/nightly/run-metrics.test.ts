import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNightlyHandler } from '../../../functions/handlers/nightly-handler';
import {
  MAIL_DEFERRED,
  MAIL_GIVEN_UP,
  MAIL_SEND_FAILURES,
  NIGHTLY_STUDENT_FAILURES,
} from '../../../functions/usecases/nightly/run-metrics';
import { lambdaContext } from '../../support/webhook';
import { day, type Harness, startHarness, studentEmail } from './harness';

// Metrics are not published in tests (POWERTOOLS_METRICS_DISABLED); what the handler adds is what CloudWatch would get.
const added = vi.spyOn(Metrics.prototype, 'addMetric');
const metric = (name: string) => added.mock.calls.filter(([n]) => n === name).map(([, , value]) => value);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  added.mockClear();
});
afterEach(async () => {
  await h.stop();
});

describe('what the nightly handler reports for the alarms', () => {
  it('counts a failed student, failed sends and a mail given up; zero on a quiet night', async () => {
    const nightly = createNightlyHandler(() => h.nightlyDeps);
    await h.student('s-bad');
    await h.student('s-refused');
    await h.deliver(...day('s-bad', '2026-09-07'), ...day('s-refused', '2026-09-07'));
    h.storeFailsWhen((command) => JSON.stringify(command.input).includes('STUREG#s-bad'));
    h.sesRefuses([studentEmail('s-refused')]);

    for (const date of ['2026-09-07', '2026-09-08', '2026-09-09']) await nightly({ date }, lambdaContext());
    expect(metric(NIGHTLY_STUDENT_FAILURES)).toEqual([1, 1, 1]);
    expect(metric(MAIL_SEND_FAILURES)).toEqual([1, 1, 1]);
    expect(metric(MAIL_DEFERRED)).toEqual([0, 0, 0]);
    expect(metric(MAIL_GIVEN_UP)).toEqual([0, 0, 1]);

    added.mockClear();
    h.storeRecovers();
    await nightly({ date: '2026-09-10' }, lambdaContext());
    expect([NIGHTLY_STUDENT_FAILURES, MAIL_SEND_FAILURES, MAIL_DEFERRED, MAIL_GIVEN_UP].map(metric)).toEqual([
      [0],
      [0],
      [0],
      [0],
    ]);
  });
});
