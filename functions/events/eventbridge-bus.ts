import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { type DomainEvent, EVENT_SOURCE, type EventBus } from './types';

const BATCH = 10; // PutEvents takes at most 10 entries

/** Publishes domain events on an EventBridge bus; entries EventBridge refuses are retried once. */
export function createEventBridgeBus(client: EventBridgeClient, busName: string): EventBus {
  const entry = (event: DomainEvent): PutEventsRequestEntry => ({
    EventBusName: busName,
    Source: EVENT_SOURCE,
    DetailType: event.type,
    Detail: JSON.stringify(event),
  });

  async function put(entries: PutEventsRequestEntry[], retry: boolean): Promise<void> {
    const result = await client.send(new PutEventsCommand({ Entries: entries }));
    if (!result.FailedEntryCount) return;
    const failed = entries.filter((_, i) => result.Entries?.[i]?.ErrorCode);
    if (!retry)
      throw new Error(
        `EventBridge refused ${failed.length} event(s): ${result.Entries?.find((e) => e.ErrorCode)?.ErrorCode}`,
      );
    await put(failed, false);
  }

  return {
    async publish(events) {
      for (let i = 0; i < events.length; i += BATCH) {
        await put(events.slice(i, i + BATCH).map(entry), true);
      }
    },
  };
}
