import type { CalendarCoverage } from '../calendar/calendar';
import type { PresenceEvent } from './events';

/**
 * What a valid event must also be to be taken in, beyond its schema: the contract is silent on
 * these, and each is what an integrator would expect (docs/data-model.md, "Refusals").
 */

/** The clock skew allowed for `occurredAt` in AWS, the same as for the signature's timestamp. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** What the checks compare with: the receiver's clock and the dates the school calendar covers. */
export interface BatchBounds {
  now: Date;
  /**
   * How far `occurredAt` may lie ahead of `now`; `null` takes any (the local system, where a
   * school year is simulated ahead of the real date).
   */
  skewMs?: number | null;
  calendar: CalendarCoverage;
}

export interface BoundIssue {
  path: string;
  message: string;
}

/**
 * An event that happened in the future (beyond the clock skew) would order before every real
 * correction of its item; a lesson outside the calendar cannot be evaluated (the nightly run
 * refuses those dates) and would only lie there.
 */
export function boundIssues(event: PresenceEvent, bounds: BatchBounds): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const skewMs = bounds.skewMs === undefined ? CLOCK_SKEW_MS : bounds.skewMs;
  if (skewMs !== null) {
    const latest = bounds.now.getTime() + skewMs;
    if (Date.parse(event.occurredAt) > latest) {
      const message = `in the future: after ${new Date(latest).toISOString()} (our clock plus ${skewMs / 1000} s)`;
      issues.push({ path: 'occurredAt', message });
    }
  }
  if (event.type === 'registration.upserted') {
    const { date } = event.data;
    const { from, to } = bounds.calendar;
    if (date < from || date > to) {
      issues.push({ path: 'data.date', message: `outside the school calendar (${from} to ${to})` });
    }
  }
  return issues;
}
