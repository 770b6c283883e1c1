import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventOf } from '../../../shared/contract/events';
import type { Store } from '../../store/client';
import { isConditionFailed } from '../../store/errors';
import { eventOutboxItem, type OutboxEvent } from '../../store/event-outbox';
import { domainEventId } from '../../store/record-ids';

/**
 * Puts `staff.changed` in the event outbox for a stored `staff.upserted`, once per webhook event
 * (its id is the outbox id's subject: a retried delivery writes no second one).
 */
export async function staffChanged(store: Store, event: EventOf<'staff.upserted'>): Promise<OutboxEvent> {
  const outgoing: OutboxEvent = {
    eventId: domainEventId('staff.changed', event.id),
    event: { type: 'staff.changed', staffId: event.data.staffId },
    at: new Date().toISOString(),
  };
  try {
    await store.doc.send(new PutCommand(eventOutboxItem(store, outgoing).Put as PutCommandInput));
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
  return outgoing;
}
