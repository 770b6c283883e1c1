import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createEventBridgeBus } from './eventbridge-bus';
import { createLocalBus } from './local-bus';
import type { EventBus } from './types';

export type { DomainEvent, EventBus } from './types';

/** EventBridge when a bus is configured, otherwise the in-process bus. */
export function eventBusFor(busName: string | undefined): EventBus {
  return busName ? createEventBridgeBus(new EventBridgeClient({}), busName) : createLocalBus();
}
