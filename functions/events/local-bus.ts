import type { DomainEvent, EventBus } from './types';

export type Subscriber = (event: DomainEvent) => void | Promise<void>;

/** The in-process bus for local runs and tests: there is no EventBridge emulator. */
export interface LocalEventBus extends EventBus {
  subscribe(subscriber: Subscriber): () => void;
  /** Everything published so far, oldest first (empty when created with `record: false`). */
  readonly published: readonly DomainEvent[];
}

export function createLocalBus(options: { record?: boolean } = {}): LocalEventBus {
  const record = options.record ?? true;
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
        if (record) published.push(event);
        for (const subscriber of subscribers) await subscriber(event);
      }
    },
  };
}
