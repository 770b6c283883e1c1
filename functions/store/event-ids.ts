/**
 * The event ids an item settled (applied or found stale), kept on it so that a repeated event
 * answers `duplicate`. Only the newest SETTLED_EVENT_IDS_KEPT are kept, so that no item can grow
 * towards DynamoDB's 400 KB limit however many events it sees. That costs no correctness: an
 * event older than those was settled against a version (a registration's revision, master
 * data's `occurredAt`, a leave's `occurredAt`) that the item holds or has passed, so repeated it
 * is still refused as `stale` and changes nothing; it is only answered `stale`, not `duplicate`.
 */
export const SETTLED_EVENT_IDS_KEPT = 50;

/** The ids as stored, oldest first: a list, a string set (items written before the cap) or JSON text. */
export function readEventIds(stored: unknown): string[] {
  if (typeof stored === 'string') return JSON.parse(stored) as string[];
  if (stored instanceof Set || Array.isArray(stored)) return [...stored].map(String);
  return [];
}

/** The ids to keep once `settled` are added: the newest SETTLED_EVENT_IDS_KEPT, oldest first. */
export function keepNewest(before: Iterable<string>, ...settled: string[]): string[] {
  const ids = [...new Set([...before, ...settled])];
  return ids.slice(-SETTLED_EVENT_IDS_KEPT);
}
