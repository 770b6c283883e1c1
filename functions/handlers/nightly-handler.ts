import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { CalendarHorizon } from '../../shared/calendar';
import { dayBefore } from '../../shared/calendar/school-time';
import { logErrors } from '../middleware/json-errors';
import { loadOnce } from '../middleware/load-once';
import { observability } from '../middleware/observability';
import { withStoredSettings } from '../usecases/admin/school-settings';
import { checkCalendar, type SkippedNightly } from '../usecases/nightly/calendar-guard';
import type { NightlyDeps } from '../usecases/nightly/ports';
import { reportRunMetrics } from '../usecases/nightly/run-metrics';
import { type NightlyResult, runNightly } from '../usecases/nightly/run-nightly';

/** The scheduled nightly run (EventBridge Scheduler, 05:30 Amsterdam), or a replay of one date. */

const { logger, metrics, middleware } = observability('nightly');

/** The nightly function's logger, for the dependencies' progress log. */
export const nightlyLogger = logger;
/** The nightly function's metrics, for the mailer's refusal count (mail/refusal-metric.ts). */
export const nightlyMetrics = metrics;

/** A replay names its date; the scheduler's invocation (anything else) means "as of yesterday". */
const Replay = z.object({ date: z.iso.date() });

export type NightlyOutcome = (NightlyResult & { calendar: CalendarHorizon }) | SkippedNightly;

/** The handler around explicit dependencies (the deps of wiring/nightly.ts, or a test's). */
export function createNightlyHandler(loadDeps: () => NightlyDeps | Promise<NightlyDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, NightlyOutcome, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      const replay = Replay.safeParse(event);
      const asOf = replay.success ? replay.data.date : dayBefore(new Date());
      // The administrator's calendar and norm profiles are read at every run: an edit applies from the next night.
      const runDeps = await withStoredSettings(await deps());
      const { calendar: schoolCalendar } = runDeps;
      const calendar = checkCalendar(
        {
          calendar: schoolCalendar,
          metrics,
          warn: (message, data) => logger.warn(message, data),
          error: (message, data) => logger.error(message, data),
        },
        asOf,
      );
      // Retrying cannot help until the calendar is extended: report (metric, log) and stop.
      if (!calendar.covered) return { asOf, skipped: 'outside_calendar', calendar };
      const result = await runNightly(runDeps, asOf);
      reportRunMetrics(metrics, result);
      return { ...result, calendar };
    });
}
