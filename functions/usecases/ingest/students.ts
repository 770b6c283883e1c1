import type { EventOf, PresenceEvent } from '../../../shared/contract/events';
import { ConcurrentModification } from '../../domain/errors';
import { markOutflowPending } from '../../store/cases-repository';
import { keepNewest } from '../../store/event-ids';
import { listPendingEvents } from '../../store/pending-events';
import { studentItemExpiry } from '../../store/retention';
import { rewriteStudentExpiry } from '../../store/retention-rewrite';
import { moveRosterVersion } from '../../store/roster-version';
import {
  getStudent,
  markStudentLeft,
  putStudent,
  type StudentRecord,
  setStudentEventIds,
} from '../../store/students';
import { type BatchState, decide, today, versionOf, type Work } from './context';
import { forEachGroup } from './group';
import { reclassifyStudent } from './reclassify-student';
import { rewriteRetentionIfChanged } from './retention';

/**
 * `student.upserted`, ordered by `occurredAt`. Returns the pending events of the students
 * upserted (whatever the outcome, so a take-up that failed before is retried), for the
 * later phases of this batch to apply.
 */
export async function applyStudentUpserts(
  state: BatchState,
  work: Array<Work<EventOf<'student.upserted'>>>,
): Promise<Array<Work<PresenceEvent>>> {
  const { store } = state.deps;
  const taken: Array<Work<PresenceEvent>> = [];
  await forEachGroup(
    work,
    (w) => w.event.data.studentId,
    async (group) => {
      for (const w of group) await applyStudentUpsert(state, w);
      const studentId = group[0]?.event.data.studentId;
      if (studentId === undefined) return;
      for (const pending of await listPendingEvents(store, studentId)) {
        taken.push({ event: pending.event });
        state.consumedPending.push({ studentId, eventId: pending.event.id });
      }
    },
  );
  return taken;
}

/**
 * One `student.upserted`: a duplicate, or stored (a newer version first moves the student's items
 * to their new retention and reclassifies on a new birth date); stale when another writer won.
 */
async function applyStudentUpsert(state: BatchState, w: Work<EventOf<'student.upserted'>>): Promise<void> {
  const { store, retentionYears } = state.deps;
  const { data } = w.event;
  const before = state.students.get(data.studentId);
  // Even a repeat moves the roster version on: a first attempt may have stopped between
  // storing the student and moving it (settleStudentChanges).
  state.rosterTouched = true;
  if (before?.eventIds.includes(w.event.id)) {
    decide(state, w, 'duplicate');
    return;
  }
  const version = versionOf(w.event);
  const eventIds = keepNewest(before?.eventIds ?? [], w.event.id);
  const after = { leftOn: before?.leftOn, enrolledUntil: data.enrolledUntil };
  const expiresAt = studentItemExpiry(after, today(state.deps), retentionYears);
  try {
    if (before && version >= before.version) {
      if (await rewriteRetentionIfChanged(store, data.studentId, before, after, expiresAt))
        state.studentChecks.push({ studentId: data.studentId, expiresAt });
      if (before.birthDate !== data.birthDate) {
        await reclassifyStudent(state, data);
        state.studentChecks.push({ studentId: data.studentId, birthDate: data.birthDate });
      }
    }
    await putStudent(store, data, { version, eventIds, expiresAt });
    const record: StudentRecord = {
      ...before,
      ...data,
      enrolledUntil: data.enrolledUntil ?? undefined,
      version,
      eventIds,
      expiresAt,
    };
    state.students.set(data.studentId, record);
    decide(state, w, 'applied');
  } catch (error) {
    if (!(error instanceof ConcurrentModification)) throw error;
    await setStudentEventIds(store, data.studentId, eventIds);
    if (before) state.students.set(data.studentId, { ...before, eventIds });
    decide(state, w, 'stale');
  }
}

/**
 * After this batch's student changes are stored: the roster version moves on (roster-cache.ts),
 * then what the changes reclassified or re-dated before they were stored is done once more. A
 * delivery that classified a lesson of these students with what it read before reads the
 * version after writing that lesson (check-written.ts): either it finds the version moved and
 * reads the student again, or its lesson was stored before the version moved, and so before
 * this second pass lists the student's lessons. Both sides write, then read.
 */
export async function settleStudentChanges(state: BatchState): Promise<void> {
  if (!state.rosterTouched) return;
  const { store } = state.deps;
  state.rosterTouched = false;
  state.rosterMoved = true;
  await moveRosterVersion(store);
  const checks = state.studentChecks.splice(0);
  for (const check of checks) {
    if (check.birthDate !== undefined)
      await reclassifyStudent(state, { studentId: check.studentId, birthDate: check.birthDate });
    if (check.expiresAt !== undefined) await rewriteStudentExpiry(store, check.studentId, check.expiresAt);
  }
}

/** `student.left`: the student must be known (else the caller keeps it pending). */
export async function applyStudentLeft(
  state: BatchState,
  work: Array<Work<EventOf<'student.left'>>>,
): Promise<void> {
  await forEachGroup(
    work,
    (w) => w.event.data.studentId,
    async (group) => {
      for (const w of group) await applyLeft(state, w);
    },
  );
}

/** One `student.left`: a duplicate, stale behind a later leave, or stored. */
async function applyLeft(state: BatchState, w: Work<EventOf<'student.left'>>): Promise<void> {
  const { store, retentionYears } = state.deps;
  const { data } = w.event;
  const before = state.students.get(data.studentId);
  if (!before) throw new Error(`student ${data.studentId} unknown: pending expected`);
  state.rosterTouched = true;
  if (before.eventIds.includes(w.event.id)) {
    decide(state, w, 'duplicate');
    return;
  }
  const version = versionOf(w.event);
  const eventIds = keepNewest(before.eventIds, w.event.id);
  // Ordered by `occurredAt` like the upserts: once its id is no longer kept, a leave sent
  // again is still recognised, and an older one cannot undo a later correction.
  if (before.leftVersion !== undefined && version <= before.leftVersion) {
    await setStudentEventIds(store, data.studentId, eventIds);
    state.students.set(data.studentId, { ...before, eventIds });
    decide(state, w, 'stale');
    return;
  }
  const after = { leftOn: data.date, enrolledUntil: before.enrolledUntil };
  const expiresAt = studentItemExpiry(after, data.date, retentionYears);
  if (await rewriteRetentionIfChanged(store, data.studentId, before, after, expiresAt))
    state.studentChecks.push({ studentId: data.studentId, expiresAt });
  // The nightly run turns this into an outflow case (before the commit record, so a retry repeats it).
  await markOutflowPending(store, data.studentId, data.date, expiresAt);
  const stored = await markStudentLeft(store, data.studentId, {
    leftOn: data.date,
    diplomaObtained: data.diplomaObtained,
    leftVersion: version,
    eventIds,
    expiresAt,
  });
  if (!stored) {
    // A later leave was stored by another delivery since this one read the student.
    const now = await getStudent(store, data.studentId);
    if (now) state.students.set(data.studentId, now);
    await setStudentEventIds(store, data.studentId, keepNewest(now?.eventIds ?? [], w.event.id));
    decide(state, w, 'stale');
    return;
  }
  state.students.set(data.studentId, {
    ...before,
    leftOn: data.date,
    diplomaObtained: data.diplomaObtained,
    leftVersion: version,
    eventIds,
    expiresAt,
  });
  decide(state, w, 'applied');
}
