import { type BatchBounds, boundIssues } from './bounds';
import { type PresenceEvent, presenceEvent } from './events';

export const MAX_EVENTS = 500;
export const MAX_BODY_BYTES = 1024 * 1024;
/** The most issues a 400 lists; it says how many there were in all. */
export const MAX_LISTED_ISSUES = 100;

/** One schema problem, located by event index and a dotted path inside the event. */
export interface BatchIssue {
  /** Index of the event in `events`; absent when the body itself is wrong. */
  event?: number;
  path: string;
  message: string;
}

export type BatchParse =
  | { ok: true; events: PresenceEvent[] }
  | { ok: false; tooMany: true; count: number }
  | { ok: false; tooMany?: false; issues: BatchIssue[] };

const dotted = (path: readonly PropertyKey[]): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replaceAll('.[', '[');

/**
 * Validates a parsed JSON body `{ events: [...] }`: the schema, then the bounds (bounds.ts) of
 * the events that pass it. Every event is checked, so a 400 can list every issue at once. More
 * than MAX_EVENTS is reported apart (the contract says 413).
 */
export function parseBatch(body: unknown, bounds: BatchBounds): BatchParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ path: '', message: 'expected an object { "events": [...] }' }] };
  }
  const events = (body as { events?: unknown }).events;
  if (!Array.isArray(events)) {
    return { ok: false, issues: [{ path: 'events', message: 'expected an array of events' }] };
  }
  if (events.length > MAX_EVENTS) return { ok: false, tooMany: true, count: events.length };
  if (events.length === 0) {
    return { ok: false, issues: [{ path: 'events', message: 'expected 1 to 500 events' }] };
  }
  const issues: BatchIssue[] = [];
  const parsed: PresenceEvent[] = [];
  const unknownKeys = Object.keys(body).filter((key) => key !== 'events');
  for (const key of unknownKeys) issues.push({ path: key, message: 'unknown field' });
  events.forEach((raw, index) => {
    const result = presenceEvent.safeParse(raw);
    if (result.success) {
      parsed.push(result.data);
      for (const issue of boundIssues(result.data, bounds)) issues.push({ event: index, ...issue });
    } else {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          // One issue per unknown field, located where the field is, so typos are easy to find.
          for (const key of issue.keys) {
            issues.push({ event: index, path: dotted([...issue.path, key]), message: 'unknown field' });
          }
        } else issues.push({ event: index, path: dotted(issue.path), message: issue.message });
      }
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, events: parsed };
}

/**
 * The issues a 400 lists: the first MAX_LISTED_ISSUES, and only as many as fit in `budgetBytes`
 * (the request's size) so that an answer never outgrows the request that caused it; the first
 * issue always, so that a tiny request still learns what is wrong.
 */
const utf8 = new TextEncoder();

export function listedIssues(issues: readonly BatchIssue[], budgetBytes: number): BatchIssue[] {
  const listed: BatchIssue[] = [];
  let bytes = 0;
  for (const issue of issues.slice(0, MAX_LISTED_ISSUES)) {
    bytes += utf8.encode(JSON.stringify(issue)).length + 1;
    if (listed.length > 0 && bytes > budgetBytes) break;
    listed.push(issue);
  }
  return listed;
}
