import type { DomainEvent, EventBus } from '../../events/types';
import type { Store } from '../../store/client';
import {
  eventOutboxItem,
  listUnpublishedEvents,
  markEventPublished,
  type OutboxEvent,
} from '../../store/event-outbox';
import { domainEventId } from '../../store/record-ids';
import { type TransactItem, writeWith } from '../../store/transact';
import { type AuditedChange, auditWith } from './audit';

/** What a change implies besides its record: entries for the trail, events for the bus. */
export interface ChangeEffects {
  audit?: AuditedChange[];
  /** Each under an id unique to the change (the outbox id, also the published `eventId`). */
  events?: { eventId: string; event: DomainEvent }[];
  /** New records the change makes (a letter, a task), each a conditional put in the same transaction. */
  items?: TransactItem[];
}

/**
 * Writes one change (`write`: one repository call) in one transaction with its audit entries and
 * its events in the outbox, then publishes those events. A failure to publish is left to the
 * sweep (`publishOutbox`, every nightly run): the events are stored, so none is lost to a crash or
 * a failed publish. Resolves to the repository's answer and whether the change was written.
 */
export async function commitWith<T>(
  deps: { store: Store; bus?: EventBus },
  effects: ChangeEffects,
  write: (store: Store) => Promise<T>,
): Promise<{ result: T; committed: boolean }> {
  const at = new Date().toISOString();
  const events: OutboxEvent[] = (effects.events ?? []).map((e) => ({ ...e, at }));
  const items: TransactItem[] = [
    ...(effects.audit ?? []).map((change) => auditWith(deps.store, change)),
    ...events.map((e) => eventOutboxItem(deps.store, e)),
    ...(effects.items ?? []),
  ];
  const written = await writeWith(deps.store, items, write);
  if (written.committed && deps.bus && events.length > 0) {
    // Published later by the sweep when this fails: the change stands, its events are stored.
    await publish(deps.store, deps.bus, events).catch(() => {});
  }
  return written;
}

/** An event raised by recording something else (a mail that tells a signal): its outbox id. */
export function outboxEventOf(event: DomainEvent): { eventId: string; event: DomainEvent } {
  const subject =
    event.type === 'signal.sent'
      ? event.signalId
      : event.type === 'task.created'
        ? event.taskId
        : event.type === 'staff.changed'
          ? event.staffId
          : `${event.reportId}${'asOf' in event ? `.${event.asOf}` : ''}`;
  return { eventId: domainEventId(event.type, subject), event };
}

/**
 * Publishes every event still in the outbox (a publish that failed or never ran after its
 * commit), oldest first, and marks each published. Run by every nightly run.
 */
export async function publishOutbox(store: Store, bus: EventBus): Promise<number> {
  const events = await listUnpublishedEvents(store);
  await publish(store, bus, events);
  return events.length;
}

/** Publishes events already in the outbox and marks each published (one call's own events). */
export async function publish(store: Store, bus: EventBus, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await bus.publish(events.map((e) => ({ ...e.event, eventId: e.eventId })));
  const at = new Date().toISOString();
  for (const e of events) await markEventPublished(store, e.eventId, at);
}
