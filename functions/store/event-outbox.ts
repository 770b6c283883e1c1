import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../events/types';
import type { Store } from './client';
import { queryAll } from './dynamo';
import { conditionHeld } from './errors';
import { eventOutboxKey, eventsUnpublishedPk, eventUnpublishedGsi1, INDEX } from './keys';
import { expiryAfterDays } from './retention';
import type { TransactItem } from './transact';

/** An event in the outbox: written with its change, published from here. */
export interface OutboxEvent {
  eventId: string;
  event: DomainEvent;
  at: string;
}

/**
 * Published events are kept a month (to answer "was it published?"); they name a student only by
 * id, and consumers look details up if they may.
 */
export const KEPT_DAYS = 30;

/** The outbox item of one event, for the transaction of its change. Once per id. */
export function eventOutboxItem(store: Store, outgoing: OutboxEvent): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: {
        ...eventOutboxKey(outgoing.eventId),
        ...eventUnpublishedGsi1(outgoing.at, outgoing.eventId),
        type: 'event',
        ...outgoing,
        expiresAt: expiryAfterDays(new Date(outgoing.at), KEPT_DAYS),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Every event not yet published, oldest first. */
export async function listUnpublishedEvents(store: Store): Promise<OutboxEvent[]> {
  const items = await queryAll(store, {
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': eventsUnpublishedPk() },
  });
  return items.map((raw) => ({
    eventId: String(raw.eventId),
    event: raw.event as DomainEvent,
    at: String(raw.at),
  }));
}

/** Takes a published event out of the unpublished index. False when it was marked before. */
export function markEventPublished(store: Store, eventId: string, at: string): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: eventOutboxKey(eventId),
        UpdateExpression: 'SET publishedAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(gsi1pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    ),
  );
}
