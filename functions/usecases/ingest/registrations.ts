import { classify } from '../../../shared/policy';
import { writeDayEntry } from '../../store/day-summaries';
import { StaleWriteError } from '../../store/errors';
import {
  addRegistrationEventIds,
  batchGetRegistrations,
  putRegistration,
  putRegistrationTombstone,
  type StoredRegistration,
} from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { type BatchState, decide, type RegistrationWork, today } from './context';
import { forEachGroup } from './group';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);
const rankOfWork = (w: RegistrationWork): number =>
  rank(w.event.data.revision, w.event.type === 'registration.deleted');

/**
 * `registration.upserted` / `registration.deleted` whose student is known (or that need no
 * student). Per registration only the highest version in the batch can change anything; it
 * is applied if it beats what is stored: the day-summary entry first, the registration item
 * last (the commit record holding the event ids). Everything else is stale or duplicate.
 */
export async function applyRegistrations(state: BatchState, work: RegistrationWork[]): Promise<void> {
  await forEachGroup(
    work,
    (w) => w.event.data.registrationId,
    (group) => applyGroup(state, group),
  );
}

async function applyGroup(state: BatchState, group: RegistrationWork[]): Promise<void> {
  const { store } = state.deps;
  const registrationId = group[0]?.event.data.registrationId as string;
  const stored = state.registrations.get(registrationId);
  const candidates: RegistrationWork[] = [];
  for (const w of group) {
    if (stored?.eventIds.has(w.event.id)) decide(state, w, 'duplicate');
    else candidates.push(w);
  }
  if (candidates.length === 0) return;
  let winner = candidates[0] as RegistrationWork;
  for (const w of candidates) if (rankOfWork(w) > rankOfWork(winner)) winner = w;
  const ids = candidates.map((w) => w.event.id);
  const beats = stored === undefined || rankOfWork(winner) > rank(stored.revision, stored.deleted);
  const applied = beats && (await applyWinner(state, winner, stored, ids));
  if (!applied) await addRegistrationEventIds(store, registrationId, ids);
  for (const w of candidates) decide(state, w, applied && w === winner ? 'applied' : 'stale');
}

/** Returns false when a newer version turned out to be stored (a concurrent delivery). */
async function applyWinner(
  state: BatchState,
  winner: RegistrationWork,
  stored: StoredRegistration | undefined,
  eventIds: string[],
): Promise<boolean> {
  const { store, retentionYears } = state.deps;
  const expiryFor = (studentId: string | undefined, date: string) =>
    studentItemExpiry(studentId ? state.students.get(studentId) : undefined, date, retentionYears);
  const old = stored && !stored.deleted && stored.studentId && stored.date ? stored : undefined;
  try {
    if (winner.event.type === 'registration.deleted') {
      const { registrationId, revision } = winner.event.data;
      if (old?.studentId && old.date) {
        await writeDayEntry(store, {
          studentId: old.studentId,
          date: old.date,
          registrationId,
          entry: { revision, deleted: true },
          expiresAt: expiryFor(old.studentId, old.date),
        });
      }
      const expiresAt = expiryFor(stored?.studentId, stored?.date ?? today(state.deps));
      await putRegistrationTombstone(store, registrationId, revision, { eventIds, expiresAt });
      state.registrations.set(registrationId, {
        ...(stored ?? { registrationId }),
        revision,
        deleted: true,
        eventIds: new Set([...(stored?.eventIds ?? []), ...eventIds]),
      });
      return true;
    }
    const reg = winner.event.data;
    const student = state.students.get(reg.studentId);
    if (!student) throw new Error(`student ${reg.studentId} unknown: pending expected`);
    if (old?.studentId && old.date && (old.studentId !== reg.studentId || old.date !== reg.date)) {
      // A correction moved the lesson: its old day no longer counts it.
      await writeDayEntry(store, {
        studentId: old.studentId,
        date: old.date,
        registrationId: reg.registrationId,
        entry: { revision: reg.revision, deleted: true },
        expiresAt: expiryFor(old.studentId, old.date),
      }).catch((error) => {
        if (!(error instanceof StaleWriteError)) throw error;
      });
    }
    const classification = classify(reg, {
      birthDate: student.birthDate,
      severeWeatherDates: state.severeWeatherDates,
    });
    const expiresAt = expiryFor(reg.studentId, reg.date);
    await writeDayEntry(store, {
      studentId: reg.studentId,
      date: reg.date,
      registrationId: reg.registrationId,
      entry: {
        revision: reg.revision,
        deleted: false,
        status: reg.status,
        start: reg.start,
        end: reg.end,
        ...(reg.reason ? { reason: reg.reason } : {}),
        classification,
      },
      expiresAt,
    });
    try {
      await putRegistration(store, reg, { eventIds, expiresAt });
    } catch (error) {
      if (error instanceof StaleWriteError) await clearLostEntry(state, reg, expiresAt);
      throw error;
    }
    state.registrations.set(reg.registrationId, {
      ...reg,
      deleted: false,
      eventIds: new Set([...(stored?.eventIds ?? []), ...eventIds]),
    });
    return true;
  } catch (error) {
    if (error instanceof StaleWriteError) return false;
    throw error;
  }
}

/**
 * A concurrent delivery stored a newer revision between our day-entry write and our
 * registration write. If that revision lives on another day (or student), our entry is a
 * leftover: a tombstone at the newer revision removes it, and cannot hide a later upsert.
 */
async function clearLostEntry(
  state: BatchState,
  reg: { registrationId: string; studentId: string; date: string },
  expiresAt: number,
): Promise<void> {
  const { store } = state.deps;
  const current = (await batchGetRegistrations(store, [reg.registrationId])).get(reg.registrationId);
  if (!current) return;
  if (!current.deleted && current.studentId === reg.studentId && current.date === reg.date) return;
  await writeDayEntry(store, {
    studentId: reg.studentId,
    date: reg.date,
    registrationId: reg.registrationId,
    entry: { revision: current.revision, deleted: true },
    expiresAt,
  }).catch((error) => {
    if (!(error instanceof StaleWriteError)) throw error;
  });
}
