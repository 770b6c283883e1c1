import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { conditionHeld } from './errors';
import * as keys from './keys';
import { expiryAfterDays } from './retention';

/**
 * The ingestion lease: one item naming its holder and how long it holds. Registrations and
 * day summaries are written with unconditional batch writes, which is only safe while one
 * delivery at a time writes them; the lease is that one conditional write per delivery.
 */

/** Takes the lease if it is free or its holder's time ran out. */
export function tryAcquireIngestLease(
  store: Store,
  lease: { owner: string; now: Date; durationMs: number },
): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.ingestLeaseKey(),
          type: 'lease',
          owner: lease.owner,
          until: lease.now.getTime() + lease.durationMs,
          expiresAt: expiryAfterDays(lease.now, 1),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':now': lease.now.getTime() },
      }),
    ),
  );
}

/** Gives the lease back; a lease taken over after it ran out is left to its new holder. */
export async function releaseIngestLease(store: Store, owner: string): Promise<void> {
  await conditionHeld(
    store.doc.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: keys.ingestLeaseKey(),
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    ),
  );
}
