import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { localDate } from '../../../shared/calendar/school-time';
import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import type { IsoDate } from '../../../shared/policy/types';
import type { EventBus } from '../../events/types';
import type { Store } from '../../store/client';
import type { OutboxEvent } from '../../store/event-outbox';
import type { StoredRegistration } from '../../store/registrations';
import type { StudentRecord } from '../../store/students';
import type { HeldLease, LeaseSettings } from './lease';

export type Outcome = 'applied' | 'duplicate' | 'stale' | 'pending';
export interface EventResult {
  id: string;
  outcome: Outcome;
}

export interface IngestDeps {
  store: Store;
  retentionYears: number;
  now: () => Date;
  /** School days, for the suspension and special-leave limits; the school's calendar by default. */
  calendar?: SchoolCalendar;
  /** The ingestion lease (lease.ts); DEFAULT_LEASE when absent. */
  lease?: LeaseSettings;
  /** Where `staff.changed` is published (provisioning); without one the nightly sweep publishes it. */
  bus?: EventBus;
}

export const calendarOf = (deps: IngestDeps): SchoolCalendar => deps.calendar ?? defaultCalendar;

/**
 * What one batch knows while it runs: the students and registrations read up front (and
 * kept current as the batch writes), the severe-weather dates, and each event's outcome.
 */
export interface BatchState {
  deps: IngestDeps;
  lease: HeldLease;
  students: Map<string, StudentRecord>;
  registrations: Map<string, StoredRegistration>;
  severeWeatherDates: Set<IsoDate>;
  /** Outcome per index in the batch; internal (pending) events have none. */
  outcomes: Map<number, Outcome>;
  /** Pending events taken up in this batch, deleted once the batch is stored. */
  consumedPending: Array<{ studentId: string; eventId: string }>;
  /** Domain events this batch put in the outbox, published once it is stored. */
  outboxEvents: OutboxEvent[];
}

/** An event being processed: from the batch (with its index) or a pending one taken up (no index). */
export interface Work<E extends PresenceEvent = PresenceEvent> {
  event: E;
  index?: number;
}

export type RegistrationWork = Work<EventOf<'registration.upserted'> | EventOf<'registration.deleted'>>;

export const decide = (state: BatchState, work: Work, outcome: Outcome): void => {
  if (work.index !== undefined) state.outcomes.set(work.index, outcome);
};

export const versionOf = (event: PresenceEvent): number => Date.parse(event.occurredAt);

/** Today at the school: the Amsterdam date, a day ahead of UTC's late in the evening. */
export const today = (deps: IngestDeps): IsoDate => localDate(deps.now());
