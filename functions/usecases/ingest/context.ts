import { defaultCalendar, type SchoolCalendar } from '../../../shared/calendar';
import { localDate } from '../../../shared/calendar/school-time';
import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import type { IsoDate } from '../../../shared/policy/types';
import type { EventBus } from '../../events/types';
import type { Store } from '../../store/client';
import type { OutboxEvent } from '../../store/event-outbox';
import type { StoredRegistration } from '../../store/registrations';
import type { StudentRecord } from '../../store/students';
import type { StretchDates } from './stretches';

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
  /** Where `staff.changed` is published (provisioning); without one the nightly sweep publishes it. */
  bus?: EventBus;
}

export const calendarOf = (deps: IngestDeps): SchoolCalendar => deps.calendar ?? defaultCalendar;

/** A batch's state before it has read anything. */
export const newBatchState = (deps: IngestDeps, rosterVersion: string): BatchState => ({
  deps,
  rosterVersion,
  rosterTouched: false,
  rosterMoved: false,
  studentChecks: [],
  students: new Map(),
  registrations: new Map(),
  severeWeatherDates: new Set(),
  stretchDates: new Map(),
  written: new Map(),
  outcomes: new Map(),
  consumedPending: [],
  outboxEvents: [],
});

/**
 * What one batch knows while it runs: the students and registrations read up front (and
 * kept current as the batch writes), the severe-weather dates, and each event's outcome.
 */
export interface BatchState {
  deps: IngestDeps;
  /** The roster version read when the batch began (roster-cache.ts). */
  rosterVersion: string;
  /** A student event was handled: the roster version is moved on once the batch stored it. */
  rosterTouched: boolean;
  /** This batch moved the roster version on: its students are not kept for the version it read. */
  rosterMoved: boolean;
  /** Student changes whose reclassification or new expiry is done again once the version moved. */
  studentChecks: Array<{ studentId: string; birthDate?: IsoDate; expiresAt?: number }>;
  students: Map<string, StudentRecord>;
  registrations: Map<string, StoredRegistration>;
  severeWeatherDates: Set<IsoDate>;
  /** The suspension / special-leave days each student's registrations were classified with. */
  stretchDates: Map<string, StretchDates>;
  /** Live registrations this batch wrote, as written: checked again once written (check-written.ts). */
  written: Map<string, StoredRegistration>;
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
