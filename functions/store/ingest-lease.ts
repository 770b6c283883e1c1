import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { conditionHeld, isConditionFailed } from './errors';
import * as keys from './keys';
import { expiryAfterDays } from './retention';

/**
 * The ingestion lease: one item naming its holder and how long it holds. Registrations are
 * written with unconditional batch writes, which is only safe while one delivery at a time
 * writes them; the lease is that one conditional write per delivery. It also carries the
 * roster version, which every change to a student moves on, so that a process may keep the
 * students it read for as long as the version stays the same.
 */

/** An idle lease item (never given back) expires after this; the next holder starts a new roster version. */
export const LEASE_IDLE_DAYS = 1;

const names = { '#owner': 'owner', '#until': 'until', '#roster': 'rosterVersion' } as const;

/** Takes the lease if it is free or its holder's time ran out; the roster version comes with it. */
export async function tryAcquireIngestLease(
  store: Store,
  lease: { owner: string; now: Date; durationMs: number; freshRosterVersion: string },
): Promise<{ rosterVersion: string } | undefined> {
  try {
    const out = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.ingestLeaseKey(),
        UpdateExpression:
          'SET #type = :type, #owner = :owner, #until = :until, expiresAt = :exp, #roster = if_not_exists(#roster, :fresh)',
        ConditionExpression: 'attribute_not_exists(#owner) OR #until < :now',
        ExpressionAttributeNames: { ...names, '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'lease',
          ':owner': lease.owner,
          ':until': lease.now.getTime() + lease.durationMs,
          ':now': lease.now.getTime(),
          // Idle for a day, the item expires and the next holder starts a new roster version.
          ':exp': expiryAfterDays(lease.now, LEASE_IDLE_DAYS),
          ':fresh': lease.freshRosterVersion,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { rosterVersion: out.Attributes?.rosterVersion as string };
  } catch (error) {
    if (isConditionFailed(error)) return undefined;
    throw error;
  }
}

/** Moves the roster version on before the holder changes a student; false if the lease was lost. */
export function moveRosterVersion(store: Store, owner: string, rosterVersion: string): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.ingestLeaseKey(),
        UpdateExpression: 'SET #roster = :version',
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner', '#roster': 'rosterVersion' },
        ExpressionAttributeValues: { ':owner': owner, ':version': rosterVersion },
      }),
    ),
  );
}

/** Gives the lease back (the roster version stays); a lease taken over after it ran out is left to its new holder. */
export async function releaseIngestLease(store: Store, owner: string): Promise<void> {
  await conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.ingestLeaseKey(),
        UpdateExpression: 'REMOVE #owner, #until',
        ConditionExpression: '#owner = :owner',
        ExpressionAttributeNames: { '#owner': 'owner', '#until': 'until' },
        ExpressionAttributeValues: { ':owner': owner },
      }),
    ),
  );
}
