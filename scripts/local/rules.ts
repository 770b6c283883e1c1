import type { Context } from 'aws-lambda';
import type { LocalEventBus } from '../../functions/events/local-bus';
import { EVENT_SOURCE } from '../../functions/events/types';
import { lambdaContext } from './lambda-context';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * The local stand-in for an EventBridge rule: what is published on `bus` with one of `types`
 * reaches the consumer's Lambda handler in EventBridge's delivery shape. Whoever publishes it
 * (the webhook, the API, the nightly sweep of the outbox) goes through this one path, as every
 * publisher reaches the rule in AWS. As there, the publisher does not see the consumer fail.
 */
export function subscribeRule(
  bus: LocalEventBus,
  types: readonly string[],
  handler: Handler,
  functionName: string,
): () => void {
  return bus.subscribe(async (event) => {
    if (!types.includes(event.type)) return;
    const delivery = { source: EVENT_SOURCE, 'detail-type': event.type, detail: event };
    await handler(delivery, lambdaContext(functionName)).catch(() => {});
  });
}
