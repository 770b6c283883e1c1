import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import { mapLimit } from '../../store/dynamo';
import { getIdempotencyRecord, putIdempotencyRecord } from '../../store/idempotency';
import { deletePendingEvents, existingPendingEvents, putPendingEvent } from '../../store/pending-events';
import { severeWeatherDates } from '../../store/portal-notices';
import { batchGetRegistrations } from '../../store/registrations';
import { expiryAfterDays } from '../../store/retention';
import { publish } from '../effects/commit';
import type { BatchState, EventResult, IngestDeps, Outcome, RegistrationWork, Work } from './context';
import { decide } from './context';
import { DEFAULT_LEASE, type HeldLease, withIngestLease } from './lease';
import { applyMasterData } from './master-data';
import { applyRegistrations } from './registrations';
import { loadStudents, rememberStudents } from './roster-cache';
import { applyStudentLeft, applyStudentUpserts } from './students';

export const DELIVERY_SCOPE = 'delivery';
export const DELIVERY_RECORD_DAYS = 30;
export const PENDING_DAYS = 365;

export interface IngestInput {
  /** The `webhook-id` of the delivery. */
  deliveryId: string;
  /**
   * SHA-256 (hex) of the delivery's raw body, kept with its delivery record: the same id with
   * another body is DeliveryIdReused. The webhook always gives it; without it (a replay of events
   * read elsewhere) the id alone decides, as on delivery records written before the hash.
   */
  bodyHash?: string;
  events: PresenceEvent[];
}

/**
 * A `webhook-id` of a stored delivery came again with another body: answering `duplicate` would
 * tell the sender that events were stored which never were (the webhook answers 409).
 */
export class DeliveryIdReused extends Error {
  override readonly name = 'DeliveryIdReused';
  constructor(readonly deliveryId: string) {
    super(`webhook-id ${deliveryId} was used before for another body`);
  }
}

export interface IngestOutput {
  received: number;
  results: EventResult[];
}

const isType =
  <T extends PresenceEvent['type']>(type: T) =>
  (w: Work): w is Work<EventOf<T>> =>
    w.event.type === type;

/** The student an event is about, when it needs one to be applied. */
const studentOf = (event: PresenceEvent): string | undefined =>
  event.type === 'registration.upserted' || event.type === 'student.left' ? event.data.studentId : undefined;

/**
 * Stores one verified, valid batch, holding the ingestion lease (lease.ts). If anything
 * fails the caller answers 5xx and the sender's retry converges to the same state: every
 * write is safe to repeat, and the delivery record, written last, means the whole batch is
 * stored.
 */
export async function ingestBatch(deps: IngestDeps, input: IngestInput): Promise<IngestOutput> {
  const { store } = deps;
  const duplicateAll = (): IngestOutput => ({
    received: input.events.length,
    results: input.events.map((e) => ({ id: e.id, outcome: 'duplicate' })),
  });
  /** Whether the delivery was stored already (then its body must be the same). */
  const storedBefore = async (): Promise<boolean> => {
    const record = await getIdempotencyRecord(store, DELIVERY_SCOPE, input.deliveryId);
    if (!record) return false;
    if (record.bodyHash && input.bodyHash && record.bodyHash !== input.bodyHash)
      throw new DeliveryIdReused(input.deliveryId);
    return true;
  };
  // A repeated delivery is answered without queueing for the lease...
  if (await storedBefore()) return duplicateAll();
  return withIngestLease(store, deps.lease ?? DEFAULT_LEASE, async (lease) => {
    // ...and one whose twin was stored while it waited, too. (A twin stored just before this one
    // asked finds every event of it settled already: the answer is the same.)
    if (lease.waited && (await storedBefore())) return duplicateAll();
    return storeBatch(deps, input, lease);
  });
}

async function storeBatch(deps: IngestDeps, input: IngestInput, lease: HeldLease): Promise<IngestOutput> {
  const { store } = deps;
  const { events } = input;
  const state: BatchState = {
    deps,
    lease,
    students: new Map(),
    registrations: new Map(),
    severeWeatherDates: new Set(),
    outcomes: new Map(),
    consumedPending: [],
    outboxEvents: [],
  };

  // The same event id twice in one batch: the first one counts.
  const seen = new Set<string>();
  const work: Work[] = [];
  events.forEach((event, index) => {
    if (seen.has(event.id)) state.outcomes.set(index, 'duplicate');
    else {
      seen.add(event.id);
      work.push({ event, index });
    }
  });

  const studentIds = work.flatMap((w) =>
    w.event.type === 'student.upserted' ? [w.event.data.studentId] : (studentOf(w.event) ?? []),
  );
  const registrationIds = work.filter(isRegistrationWork).map((w) => w.event.data.registrationId);
  const [, registrations, dates] = await Promise.all([
    loadStudents(state, studentIds),
    batchGetRegistrations(store, registrationIds),
    severeWeatherDates(store),
  ]);
  state.registrations = registrations;
  state.severeWeatherDates = dates;

  // Phase 1: master data, so that registrations in this batch find their student and notices.
  await applyMasterData(state, [
    ...work.filter(isType('orgunit.upserted')),
    ...work.filter(isType('staff.upserted')),
    ...work.filter(isType('portal.notice')),
  ]);
  const taken = (await applyStudentUpserts(state, work.filter(isType('student.upserted')))).filter(
    (w) => !seen.has(w.event.id),
  );

  // Phase 2: events about students (from the batch, and pending ones taken up).
  const all = [...work, ...taken];
  const unknownStudent = all.filter((w) => {
    const studentId = studentOf(w.event);
    return studentId !== undefined && !state.students.has(studentId);
  });
  await keepPending(state, unknownStudent);
  const pending = new Set(unknownStudent);
  const ready = all.filter((w) => !pending.has(w));

  const readyRegistrations = ready.filter(isRegistrationWork);
  // Pending events taken up bring registrations the first read did not look for.
  const looked = new Set(registrationIds);
  const missing = readyRegistrations.map((w) => w.event.data.registrationId).filter((id) => !looked.has(id));
  for (const [id, reg] of await batchGetRegistrations(store, missing)) state.registrations.set(id, reg);
  // The students of stored registrations too: a correction may move a lesson away from them.
  await loadStudents(
    state,
    [...state.registrations.values()].flatMap((r) => r.studentId ?? []),
  );

  await applyRegistrations(state, readyRegistrations);
  await applyStudentLeft(state, ready.filter(isType('student.left')));

  // Phase 3: bookkeeping, only once everything above is stored.
  lease.check();
  await deletePendingEvents(store, state.consumedPending);
  const results: EventResult[] = events.map((e, index) => ({
    id: e.id,
    outcome: state.outcomes.get(index) ?? fail(e.id),
  }));
  await putIdempotencyRecord(
    store,
    {
      scope: DELIVERY_SCOPE,
      key: input.deliveryId,
      result: { received: events.length },
      completedAt: deps.now().toISOString(),
      ...(input.bodyHash ? { bodyHash: input.bodyHash } : {}),
    },
    expiryAfterDays(deps.now(), DELIVERY_RECORD_DAYS),
  );
  rememberStudents(store, lease.rosterVersion, state.students);
  if (deps.bus && state.outboxEvents.length > 0) {
    // A failed publish is the nightly sweep's (publishOutbox): the events are stored.
    await publish(store, deps.bus, state.outboxEvents).catch(() => {});
  }
  return { received: events.length, results };
}

function isRegistrationWork(w: Work): w is RegistrationWork {
  return w.event.type === 'registration.upserted' || w.event.type === 'registration.deleted';
}

function fail(eventId: string): Outcome {
  throw new Error(`no outcome decided for event ${eventId}`);
}

/** Events about students we do not know yet: kept (or recognised as kept before). */
async function keepPending(state: BatchState, work: Work[]): Promise<void> {
  const fromBatch = work.filter((w) => w.index !== undefined);
  if (fromBatch.length === 0) return;
  const { store, now } = state.deps;
  const pairs = fromBatch.map((w) => ({ studentId: studentOf(w.event) as string, eventId: w.event.id }));
  const known = await existingPendingEvents(store, pairs);
  const receivedAt = now().toISOString();
  const expiresAt = expiryAfterDays(now(), PENDING_DAYS);
  await mapLimit(fromBatch, 16, async (w) => {
    if (known.has(w.event.id)) {
      decide(state, w, 'duplicate');
      return;
    }
    await putPendingEvent(
      store,
      { studentId: studentOf(w.event) as string, event: withoutLeavingReason(w.event), receivedAt },
      expiresAt,
    );
    decide(state, w, 'pending');
  });
}

/**
 * The free-text reason of `student.left` is not kept: nothing uses it (the outflow case needs
 * the date and the diploma only), and a reason for leaving is personal data we need not hold.
 */
function withoutLeavingReason(event: PresenceEvent): PresenceEvent {
  if (event.type !== 'student.left' || event.data.reason === undefined) return event;
  const { reason: _reason, ...data } = event.data;
  return { ...event, data };
}
