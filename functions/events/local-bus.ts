import type { DomainEvent, EventBus } from './types';

export type Subscriber = (event: DomainEvent) => void | Promise<void>;

/** The in-process bus for local runs and tests: there is no EventBridge emulator. */
export interface LocalEventBus extends EventBus {
  subscribe(subscriber: Subscriber): () => void;
  /** Everything published so far, oldest first. */
  readonly published: readonly DomainEvent[];
}

export function createLocalBus(): LocalEventBus {
  const subscribers = new Set<Subscriber>();
  const published: DomainEvent[] = [];
  return {
    published,
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async publish(events) {
      for (const event of events) {
        published.push(event);
        for (const subscriber of subscribers) await subscriber(event);
      }
    },
  };
}
