import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createEventBridgeBus } from './eventbridge-bus';
import { createLocalBus, type LocalEventBus } from './local-bus';
import type { EventBus } from './types';

export type { DomainEvent, EventBus } from './types';

let processBus: LocalEventBus | undefined;

/**
 * This process's in-process bus: the local system's Lambda worker subscribes the consumers
 * EventBridge rules feed in AWS (the task mailer, staff provisioning) on it. It keeps no record of what it published,
 * as a long-running local system would otherwise grow without end.
 */
export function processLocalBus(): LocalEventBus {
  processBus ??= createLocalBus({ record: false });
  return processBus;
}

/** EventBridge when a bus is configured, otherwise this process's in-process bus. */
export function eventBusFor(busName: string | undefined): EventBus {
  return busName ? createEventBridgeBus(new EventBridgeClient({}), busName) : processLocalBus();
}
