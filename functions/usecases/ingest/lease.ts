import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/client';
import { moveRosterVersion, releaseIngestLease, tryAcquireIngestLease } from '../../store/ingest-lease';

/**
 * One delivery at a time writes registrations, so those writes can be
 * whole-item batch writes (a fraction of the cost of one conditional write per item) and
 * every decision made on what was read still holds when it is written. The price is that
 * concurrent deliveries queue: each waits for the lease up to `waitMs`, then gives up with
 * IngestBusyError (the webhook answers 503, and the sender retries).
 */

export interface LeaseSettings {
  /** How long a holder may keep the lease; longer than the function's timeout. */
  durationMs: number;
  /** How long a delivery waits for the lease before giving up. */
  waitMs: number;
}

export const DEFAULT_LEASE: LeaseSettings = { durationMs: 60_000, waitMs: 15_000 };

/** Stop writing once this share of the lease is used: the rest is margin for requests in flight. */
const USABLE_SHARE = 0.8;
const MAX_POLL_MS = 200;

export class IngestBusyError extends Error {
  override name = 'IngestBusyError';
  constructor(readonly waitedMs: number) {
    super(`the ingestion lease stayed taken for ${waitedMs} ms`);
  }
}

export class LeaseRanOutError extends Error {
  override name = 'LeaseRanOutError';
  constructor() {
    super('the ingestion lease ran out before the delivery was written');
  }
}

export interface HeldLease {
  /** Throws LeaseRanOutError when writing on could race the next holder. */
  check(): void;
  /** Whether the lease was taken by another delivery when this one first asked. */
  readonly waited: boolean;
  /** The roster version the lease came with, or the one this holder moved it on to. */
  readonly rosterVersion: string;
  /** Moves the roster version on, before this holder changes a student (once is enough). */
  changingRoster(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withIngestLease<T>(
  store: Store,
  settings: LeaseSettings,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  // The wall clock every holder shares, not the batch's `now` (a replay or a test may fix that).
  const clock = Date.now;
  const owner = randomUUID();
  const startedAt = clock();
  let pause = 5;
  let acquiredAt = clock();
  const take = () =>
    tryAcquireIngestLease(store, {
      owner,
      now: new Date(acquiredAt),
      durationMs: settings.durationMs,
      freshRosterVersion: randomUUID(),
    });
  let taken = await take();
  const waited = !taken;
  while (!taken) {
    if (acquiredAt - startedAt >= settings.waitMs) throw new IngestBusyError(acquiredAt - startedAt);
    await sleep(pause * (0.5 + Math.random()));
    pause = Math.min(pause * 2, MAX_POLL_MS);
    acquiredAt = clock();
    taken = await take();
  }
  let { rosterVersion } = taken;
  let rosterMoved = false;
  const lease: HeldLease = {
    waited,
    check() {
      if (clock() - acquiredAt > settings.durationMs * USABLE_SHARE) throw new LeaseRanOutError();
    },
    get rosterVersion() {
      return rosterVersion;
    },
    async changingRoster() {
      if (rosterMoved) return;
      lease.check();
      const next = randomUUID();
      if (!(await moveRosterVersion(store, owner, next))) throw new LeaseRanOutError();
      rosterVersion = next;
      rosterMoved = true;
    },
  };
  try {
    return await work(lease);
  } finally {
    // If giving it back fails, the lease runs out by itself; what was written stands.
    await releaseIngestLease(store, owner).catch(() => undefined);
  }
}
