import type { Context } from 'aws-lambda';
import { createMailSenderHandler } from '../../../functions/handlers/mail-sender-handler';
import { createNightlyFinishHandler } from '../../../functions/handlers/nightly-finish-handler';
import { createNightlyPlanHandler } from '../../../functions/handlers/nightly-plan-handler';
import { createNightlyShardHandler } from '../../../functions/handlers/nightly-shard-handler';
import { createLocalMailQueue, type LocalMailQueue } from '../../../functions/mail/local-mail-queue';
import { type DrivenNight, driveNight, type NightHandler } from '../../../scripts/local/night-driver';
import { lambdaContext } from '../../support/webhook';
import type { Harness } from './harness';

export interface NightHandlers {
  queue: LocalMailQueue;
  invoke(name: NightHandler, event: unknown): Promise<unknown>;
  /** A night as the local driver runs it: `{ date }` or `{}`. */
  night(input: unknown): Promise<DrivenNight>;
}

/** The night's handlers as deployed, around the harness's dependencies, with a local mail queue of their own. */
export function nightHandlers(h: Harness): NightHandlers {
  const queue = createLocalMailQueue();
  const deps = { ...h.nightlyDeps, mailQueue: queue };
  const handlers: Record<NightHandler, (event: never, context: Context) => Promise<unknown>> = {
    'nightly-plan': createNightlyPlanHandler(() => deps),
    'nightly-shard': createNightlyShardHandler(() => deps),
    'nightly-finish': createNightlyFinishHandler(() => deps),
    'mail-sender': createMailSenderHandler(() => h.mailSenderDeps),
  };
  const invoke = (name: NightHandler, event: unknown) =>
    handlers[name](event as never, lambdaContext() as Context);
  return { queue, invoke, night: (input) => driveNight(invoke, input, { queue }) };
}
