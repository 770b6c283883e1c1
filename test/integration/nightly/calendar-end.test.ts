import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import {
  CALENDAR_WEEKS_LEFT,
  NIGHTLY_OUTSIDE_CALENDAR,
} from '../../../functions/usecases/nightly/calendar-metrics';
import type { NightlyDeps } from '../../../functions/usecases/nightly/ports';
import { runNightly } from '../../../functions/usecases/nightly/run-nightly';
import { DateOutsideCalendarError, defaultCalendar } from '../../../shared/calendar';
import { startedForFile } from '../../support/started';
import { studentEvent } from '../../support/webhook';
import { startDeployedLambdas } from './deployed';
import { day } from './harness';

const lambdas = startedForFile(startDeployedLambdas);
// Metrics are not published in tests (POWERTOOLS_METRICS_DISABLED); what the handler adds is what CloudWatch would get.
const added = vi.spyOn(Metrics.prototype, 'addMetric');
const metric = (name: string) => added.mock.calls.filter(([n]) => n === name).map(([, , value]) => value);
const nightly = (event: unknown) => lambdas.nightly(event);
const deliver = (...events: Record<string, unknown>[]) => lambdas.deliver(...events);

describe('the end of the school calendar (issue 10: "The calendar")', () => {
  it('reports the weeks left on every run, and raises the alarm signal within 8 weeks of the end', async () => {
    added.mockClear();
    const far = await nightly({ date: '2026-11-27' });
    expect(far).toMatchObject({ calendar: { covered: true, endsSoon: false } });
    expect(metric(CALENDAR_WEEKS_LEFT)).toEqual([86]); // to Sunday 23 Jul 2028
    added.mockClear();
    const soon = await nightly({ date: '2028-06-01' });
    expect(soon).toMatchObject({ asOf: '2028-06-01', calendar: { endsOn: '2028-07-23', endsSoon: true } });
    expect(soon).toHaveProperty('evaluated'); // the run itself still happens
    expect(metric(CALENDAR_WEEKS_LEFT)).toEqual([7]);
    expect(metric(NIGHTLY_OUTSIDE_CALENDAR)).toEqual([]);
  });

  it('refuses a registration dated beyond the calendar with a 400 naming its date (issue 11)', async () => {
    await expect(
      deliver(
        studentEvent('s-later'),
        ...day('s-later', '2028-09-04'),
        ...day('s-later', '2028-09-05', { reason: 'suspension' }),
      ),
    ).rejects.toThrow(/"statusCode":400.*data\.date/);
  });

  it('does not evaluate a date beyond the calendar as if there were no school: it skips and signals', async () => {
    added.mockClear();
    const beyond = await nightly({ date: '2028-09-05' });
    expect(beyond).toEqual({
      asOf: '2028-09-05',
      skipped: 'outside_calendar',
      calendar: expect.objectContaining({ covered: false, endsSoon: true, schoolDaysLeft: 0 }),
    });
    expect(metric(NIGHTLY_OUTSIDE_CALENDAR)).toEqual([1]);
    expect(metric(CALENDAR_WEEKS_LEFT)).toEqual([-7]);
    const store = (await (await fetch(`${lambdas.sesEndpoint}/store`)).json()) as { emails: unknown[] };
    expect(store.emails).toEqual([]);
  });

  it('refuses in the use case too, for any caller that asks beyond the calendar', async () => {
    const deps = { calendar: defaultCalendar } as NightlyDeps; // nothing else is touched
    await expect(runNightly(deps, '2028-09-05')).rejects.toBeInstanceOf(DateOutsideCalendarError);
    await expect(runNightly(deps, '2025-08-01')).rejects.toBeInstanceOf(DateOutsideCalendarError);
  });
});
