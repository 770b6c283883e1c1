import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import type { IsoDate } from '../../../shared/policy/types';
import { mapLimit } from '../../store/dynamo';
import { getIdempotencyRecord, putIdempotencyRecord } from '../../store/idempotency';
import { deletePendingEvents, existingPendingEvents, putPendingEvent } from '../../store/pending-events';
import { severeWeatherDates } from '../../store/portal-notices';
import { expiryAfterDays } from '../../store/retention';
import { readRosterVersion } from '../../store/roster-version';
import { batchGetStudents } from '../../store/students';
import { publish } from '../effects/commit';
import { checkWritten } from './check-written';
import type { BatchState, EventResult, IngestDeps, Outcome, RegistrationWork, Work } from './context';
import { decide, newBatchState } from './context';
import { applyMasterData } from './master-data';
import { applyRegistrations } from './registrations';
import { loadStudents, rememberStudents } from './roster-cache';
import { applyStudentLeft, applyStudentUpserts, settleStudentChanges } from './students';

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
 * Stores one verified, valid batch. No lock: deliveries run side by side, each write
 * conditional on what it was decided from (registrations.ts, students.ts, master-data.ts), and
 * where a decision rests on another item (a lesson's student or notice, a pending event's
 * student) both sides write first and read after (check-written.ts, keepPending). If anything
 * fails the caller answers 5xx and the sender's retry converges to the same state: every write
 * is safe to repeat, and the delivery record, written last, means the whole batch is stored.
 * The same delivery twice at once is stored once: the second finds each event settled (or
 * loses its conditional write to the first and then does), and answers `duplicate` for it.
 */
export async function ingestBatch(deps: IngestDeps, input: IngestInput): Promise<IngestOutput> {
  const { store } = deps;
  // The severe-weather dates are read side by side with the delivery record, not after it: one
  // round trip less for every delivery (most are new). Reading them earlier decides nothing
  // differently: check-written.ts reads the notices again after writing. Registrations are not
  // read up front at all: most are new (registrations.ts, applyRegistrations).
  const early = severeWeatherDates(store);
  early.catch(() => {});
  const [record, rosterVersion] = await Promise.all([
    getIdempotencyRecord(store, DELIVERY_SCOPE, input.deliveryId),
    readRosterVersion(store),
  ]);
  if (record) {
    if (record.bodyHash && input.bodyHash && record.bodyHash !== input.bodyHash)
      throw new DeliveryIdReused(input.deliveryId);
    return {
      received: input.events.length,
      results: input.events.map((e) => ({ id: e.id, outcome: 'duplicate' })),
    };
  }
  return storeBatch(newBatchState(deps, rosterVersion), input, early);
}

async function storeBatch(
  state: BatchState,
  input: IngestInput,
  early: Promise<Set<IsoDate>>,
): Promise<IngestOutput> {
  const { deps } = state;
  const { store } = deps;
  const { events } = input;

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
  const [, dates] = await Promise.all([loadStudents(state, studentIds), early]);
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
  await settleStudentChanges(state);

  // Phase 2: events about students (from the batch, and pending ones taken up).
  const all = [...work, ...taken];
  const unknownStudent = all.filter((w) => {
    const studentId = studentOf(w.event);
    return studentId !== undefined && !state.students.has(studentId);
  });
  const arrived = new Set(await keepPending(state, unknownStudent));
  const pending = new Set(unknownStudent.filter((w) => !arrived.has(w)));
  const ready = all.filter((w) => !pending.has(w));

  const readyRegistrations = ready.filter(isRegistrationWork);
  await applyRegistrations(state, readyRegistrations);
  await applyStudentLeft(state, ready.filter(isType('student.left')));
  await settleStudentChanges(state);
  await checkWritten(state);

  // Phase 3: bookkeeping, only once everything above is stored.
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
  // Students this batch changed are not kept: the version moved on (students.ts).
  if (!state.rosterMoved) rememberStudents(store, state.rosterVersion, state.students);
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

/**
 * Events about students we do not know yet: kept (or recognised as kept before), then the
 * students read again, consistently. A `student.upserted` in a concurrent delivery stores the
 * student first and then lists its pending events (students.ts): either it finds the one kept
 * here, or this read finds the student, and the event is applied here (and its pending item
 * deleted). Both may happen: the event then settles once, by its conditional write. Returns the
 * events whose student arrived meanwhile.
 */
async function keepPending(state: BatchState, work: Work[]): Promise<Work[]> {
  const fromBatch = work.filter((w) => w.index !== undefined);
  if (fromBatch.length === 0) return [];
  const { store, now } = state.deps;
  const pairs = fromBatch.map((w) => ({ studentId: studentOf(w.event) as string, eventId: w.event.id }));
  const known = await existingPendingEvents(store, pairs);
  const receivedAt = now().toISOString();
  const expiresAt = expiryAfterDays(now(), PENDING_DAYS);
  await mapLimit(fromBatch, 16, async (w) => {
    const kept =
      !known.has(w.event.id) &&
      (await putPendingEvent(
        store,
        { studentId: studentOf(w.event) as string, event: withoutLeavingReason(w.event), receivedAt },
        expiresAt,
      ));
    // Kept before, by an earlier delivery or by this one's twin running at the same time.
    decide(state, w, kept ? 'pending' : 'duplicate');
  });
  const arrived = await batchGetStudents(
    store,
    pairs.map((p) => p.studentId),
  );
  if (arrived.size === 0) return [];
  for (const [id, student] of arrived) state.students.set(id, student);
  const taken = fromBatch.filter((w) => arrived.has(studentOf(w.event) as string));
  for (const w of taken)
    state.consumedPending.push({ studentId: studentOf(w.event) as string, eventId: w.event.id });
  return taken;
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
