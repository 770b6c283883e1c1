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
import { type NightPlan, planNight } from '../usecases/nightly/plan-night';
import type { NightlyDeps } from '../usecases/nightly/ports';

/**
 * The night's first step (the state machine's Plan, infra/constructs/nightly-run.ts): which
 * students tonight, in which shards. The scheduler starts the execution with `{}` (as of
 * yesterday); a replay names its date, `{ "date": "YYYY-MM-DD" }`, optionally with `shardSize`.
 */

const { logger, metrics, middleware } = observability('nightly-plan');

export const nightlyPlanLogger = logger;

const Replay = z.object({ date: z.iso.date(), shardSize: z.number().int().positive().optional() });

export type PlannedNight = (NightPlan & { calendar: CalendarHorizon }) | (SkippedNightly & { shards: [] });

export function createNightlyPlanHandler(loadDeps: () => NightlyDeps | Promise<NightlyDeps>) {
  const deps = loadOnce(loadDeps);
  return middy<unknown, PlannedNight, Error, Context>()
    .use(middleware)
    .use(logErrors(logger))
    .handler(async (event) => {
      // Anything but a replay (the scheduler's `{}`) means "as of yesterday", school time.
      const replay = Replay.safeParse(event);
      const asOf = replay.success ? replay.data.date : dayBefore(new Date());
      // The administrator's calendar and norm profiles are read at every run: an edit applies from the next night.
      const runDeps = await withStoredSettings(await deps());
      const calendar = checkCalendar(
        {
          calendar: runDeps.calendar,
          metrics,
          warn: (message, data) => logger.warn(message, data),
          error: (message, data) => logger.error(message, data),
        },
        asOf,
      );
      // Retrying cannot help until the calendar is extended: report (metric, log) and stop.
      if (!calendar.covered) return { asOf, skipped: 'outside_calendar', calendar, shards: [] };
      const shardSize = replay.success ? replay.data.shardSize : undefined;
      const plan = await planNight(runDeps, asOf, shardSize ? { shardSize } : {});
      logger.info('night planned', { ...plan, shards: plan.shards.length });
      return { ...plan, calendar };
    });
}
