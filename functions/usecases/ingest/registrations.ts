import type { RegistrationData } from '../../../shared/contract/events';
import { classify } from '../../../shared/policy';
import type { IsoDate } from '../../../shared/policy/types';
import {
  type DayEntry,
  MAX_ENTRIES_PER_WRITE,
  reclassifyDayEntry,
  writeDayEntries,
  writeDayEntry,
} from '../../store/day-summaries';
import { mapLimit } from '../../store/dynamo';
import { StaleWriteError } from '../../store/errors';
import {
  addRegistrationEventIds,
  batchGetRegistrations,
  listRegistrations,
  putRegistration,
  putRegistrationTombstone,
  type StoredRegistration,
} from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { type BatchState, calendarOf, decide, type RegistrationWork, today } from './context';
import { type StretchDates, stretchContext, stretchDatesOf, stretchKindOf, stretchWindow } from './stretches';

/** Order of versions of one registration: revision, and at the same revision a deletion wins. */
const rank = (revision: number, deleted: boolean): number => revision * 2 + (deleted ? 1 : 0);
const rankOfWork = (w: RegistrationWork): number =>
  rank(w.event.data.revision, w.event.type === 'registration.deleted');

const CONCURRENCY = 32;

/** One registration's part of the batch: its events and, if it changes anything, the winner. */
interface Plan {
  registrationId: string;
  stored: StoredRegistration | undefined;
  candidates: RegistrationWork[];
  winner: RegistrationWork;
  /** Day entries to write first; `required` ones decide the outcome, others only clean up. */
  dayWrites: DayWrite[];
  /** Still in the running after the day writes. */
  alive: boolean;
}

interface DayWrite {
  plan: Plan;
  studentId: string;
  date: string;
  entry: DayEntry;
  expiresAt: number;
  required: boolean;
}

/**
 * `registration.upserted` / `registration.deleted` whose student is known (or that need no
 * student). Per registration only the highest version in the batch can change anything; it
 * is applied if it beats what is stored: the day-summary entries first (one write per
 * student-day, entries grouped), the registration item last (the commit record holding the
 * event ids). Everything else is stale or duplicate.
 */
export async function applyRegistrations(state: BatchState, work: RegistrationWork[]): Promise<void> {
  const groups = new Map<string, RegistrationWork[]>();
  for (const w of work) {
    const id = w.event.data.registrationId;
    groups.set(id, [...(groups.get(id) ?? []), w]);
  }
  const plans: Plan[] = [];
  const settled: Plan[] = [];
  const beating: Plan[] = [];
  for (const [registrationId, group] of groups) {
    const stored = state.registrations.get(registrationId);
    const candidates: RegistrationWork[] = [];
    for (const w of group) {
      if (stored?.eventIds.has(w.event.id)) decide(state, w, 'duplicate');
      else candidates.push(w);
    }
    if (candidates.length === 0) continue;
    let winner = candidates[0] as RegistrationWork;
    for (const w of candidates) if (rankOfWork(w) > rankOfWork(winner)) winner = w;
    const plan: Plan = { registrationId, stored, candidates, winner, dayWrites: [], alive: true };
    const beats = stored === undefined || rankOfWork(winner) > rank(stored.revision, stored.deleted);
    if (beats) {
      beating.push(plan);
    } else {
      plan.alive = false;
      settled.push(plan);
    }
  }

  const stretches = await loadStretches(state, beating);
  for (const plan of beating) {
    plan.dayWrites = dayWritesOf(state, plan, stretches);
    plans.push(plan);
  }

  await writeDays(
    state,
    plans.flatMap((p) => p.dayWrites),
  );
  await mapLimit(plans, CONCURRENCY, async (plan) => {
    if (plan.alive) plan.alive = await commit(state, plan);
  });
  await reclassifyLaterDays(state, stretches, plans);
  await mapLimit([...settled, ...plans.filter((p) => !p.alive)], CONCURRENCY, (plan) =>
    addRegistrationEventIds(
      state.deps.store,
      plan.registrationId,
      plan.candidates.map((w) => w.event.id),
    ),
  );
  for (const plan of [...plans, ...settled]) {
    for (const w of plan.candidates) decide(state, w, plan.alive && w === plan.winner ? 'applied' : 'stale');
  }
}

function expiryFor(state: BatchState, studentId: string | undefined, date: string): number {
  const student = studentId ? state.students.get(studentId) : undefined;
  return studentItemExpiry(student, date, state.deps.retentionYears);
}

/** The day entries a winning version needs: its own, and a tombstone where it was before. */
function dayWritesOf(state: BatchState, plan: Plan, stretches: Map<string, StudentStretches>): DayWrite[] {
  const { stored, winner } = plan;
  const old = stored && !stored.deleted && stored.studentId && stored.date ? stored : undefined;
  const revision = winner.event.data.revision;
  const tombstoneAt = (studentId: string, date: string, required: boolean): DayWrite => ({
    plan,
    studentId,
    date,
    entry: { revision, deleted: true },
    expiresAt: expiryFor(state, studentId, date),
    required,
  });
  if (winner.event.type === 'registration.deleted') {
    return old?.studentId && old.date ? [tombstoneAt(old.studentId, old.date, true)] : [];
  }
  const reg = winner.event.data;
  const student = state.students.get(reg.studentId);
  if (!student) throw new Error(`student ${reg.studentId} unknown: pending expected`);
  const writes: DayWrite[] = [];
  if (old?.studentId && old.date && (old.studentId !== reg.studentId || old.date !== reg.date)) {
    // A correction moved the lesson: its old day no longer counts it.
    writes.push(tombstoneAt(old.studentId, old.date, false));
  }
  const classification = classify(reg, {
    birthDate: student.birthDate,
    severeWeatherDates: state.severeWeatherDates,
    ...stretchContext(calendarOf(state.deps), stretches.get(reg.studentId)?.dates ?? new Map(), reg),
  });
  writes.push({
    plan,
    studentId: reg.studentId,
    date: reg.date,
    entry: {
      revision: reg.revision,
      deleted: false,
      status: reg.status,
      start: reg.start,
      end: reg.end,
      ...(reg.reason ? { reason: reg.reason } : {}),
      classification,
    },
    expiresAt: expiryFor(state, reg.studentId, reg.date),
    required: true,
  });
  return writes;
}

/** A student's suspension / special-leave days around the ones this batch changes. */
interface StudentStretches {
  dates: StretchDates;
  /** The student's registrations in `to`'s reach, as they are once this batch is stored. */
  registrations: RegistrationData[];
  /** The first date this batch changes a stretch on: only days after it can shift. */
  firstChanged: IsoDate;
}

/**
 * For students whose suspension or special-leave days this batch adds, changes or removes: one
 * query for their registrations around those dates, overlaid with the batch's winning versions.
 */
async function loadStretches(state: BatchState, plans: Plan[]): Promise<Map<string, StudentStretches>> {
  const changed = new Map<string, IsoDate[]>();
  const note = (studentId: string, date: IsoDate) =>
    changed.set(studentId, [...(changed.get(studentId) ?? []), date]);
  const winners = new Map<string, RegistrationWork>();
  for (const plan of plans) {
    const { stored, winner } = plan;
    winners.set(plan.registrationId, winner);
    if (stored && !stored.deleted && stored.studentId && stored.date && stretchKindOf(stored.reason))
      note(stored.studentId, stored.date);
    if (winner.event.type === 'registration.upserted' && stretchKindOf(winner.event.data.reason))
      note(winner.event.data.studentId, winner.event.data.date);
  }
  const out = new Map<string, StudentStretches>();
  if (changed.size === 0) return out;
  const calendar = calendarOf(state.deps);
  await mapLimit([...changed], CONCURRENCY, async ([studentId, dates]) => {
    dates.sort();
    const first = dates[0] as IsoDate;
    const { from, to } = stretchWindow(calendar, first, dates[dates.length - 1] as IsoDate);
    const effective = new Map<string, RegistrationData>();
    for (const reg of await listRegistrations(state.deps.store, studentId, from, to)) {
      if (!winners.has(reg.registrationId)) effective.set(reg.registrationId, reg);
    }
    for (const [id, w] of winners) {
      if (w.event.type !== 'registration.upserted') continue;
      const reg = w.event.data;
      if (reg.studentId === studentId && reg.date >= from && reg.date <= to) effective.set(id, reg);
    }
    const registrations = [...effective.values()];
    out.set(studentId, { dates: stretchDatesOf(registrations), registrations, firstChanged: first });
  });
  return out;
}

/**
 * A day added to (or taken from) a stretch shifts the count of the stored days after it: those
 * are classified again. Days this batch wrote itself were classified with the shifted count.
 */
async function reclassifyLaterDays(
  state: BatchState,
  stretches: Map<string, StudentStretches>,
  plans: Plan[],
): Promise<void> {
  const written = new Set(plans.map((p) => p.registrationId));
  const calendar = calendarOf(state.deps);
  const work = [...stretches].flatMap(([studentId, s]) =>
    s.registrations
      .filter(
        (reg) => reg.date > s.firstChanged && stretchKindOf(reg.reason) && !written.has(reg.registrationId),
      )
      .map((reg) => ({ studentId, reg, dates: s.dates })),
  );
  await mapLimit(work, CONCURRENCY, async ({ studentId, reg, dates }) => {
    const student = state.students.get(studentId);
    if (!student) return;
    await reclassifyDayEntry(state.deps.store, {
      studentId,
      date: reg.date,
      registrationId: reg.registrationId,
      revision: reg.revision,
      classification: classify(reg, {
        birthDate: student.birthDate,
        severeWeatherDates: state.severeWeatherDates,
        ...stretchContext(calendar, dates, reg),
      }),
    });
  });
}

/**
 * One write per student-day for all its entries; if a stored later revision beats one of
 * them, the entries of that day are written one by one and the beaten plans drop out.
 */
async function writeDays(state: BatchState, writes: DayWrite[]): Promise<void> {
  const { store } = state.deps;
  const days = new Map<string, DayWrite[]>();
  for (const w of writes) {
    const key = `${w.studentId}\u0000${w.date}`;
    const list = days.get(key) ?? [];
    if (list.length === 0) days.set(key, list);
    list.push(w);
  }
  const chunks = [...days.values()].flatMap((list) => {
    const out: DayWrite[][] = [];
    for (let i = 0; i < list.length; i += MAX_ENTRIES_PER_WRITE)
      out.push(list.slice(i, i + MAX_ENTRIES_PER_WRITE));
    return out;
  });
  await mapLimit(chunks, CONCURRENCY, async (chunk) => {
    const first = chunk[0] as DayWrite;
    try {
      await writeDayEntries(store, {
        studentId: first.studentId,
        date: first.date,
        entries: chunk.map((w) => ({ registrationId: w.plan.registrationId, entry: w.entry })),
        expiresAt: Math.max(...chunk.map((w) => w.expiresAt)),
      });
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      for (const w of chunk) {
        try {
          await writeDayEntry(store, { ...w, registrationId: w.plan.registrationId });
        } catch (single) {
          if (!(single instanceof StaleWriteError)) throw single;
          if (w.required) w.plan.alive = false;
        }
      }
    }
  });
}

/** Writes the registration item; false when a newer version was stored meanwhile. */
async function commit(state: BatchState, plan: Plan): Promise<boolean> {
  const { store } = state.deps;
  const { winner, stored } = plan;
  const eventIds = plan.candidates.map((w) => w.event.id);
  const known = new Set([...(stored?.eventIds ?? []), ...eventIds]);
  try {
    if (winner.event.type === 'registration.deleted') {
      const { registrationId, revision } = winner.event.data;
      const expiresAt = expiryFor(state, stored?.studentId, stored?.date ?? today(state.deps));
      await putRegistrationTombstone(store, registrationId, revision, { eventIds, expiresAt });
      state.registrations.set(registrationId, {
        ...(stored ?? { registrationId }),
        revision,
        deleted: true,
        eventIds: known,
      });
      return true;
    }
    const reg = winner.event.data;
    const expiresAt = expiryFor(state, reg.studentId, reg.date);
    try {
      await putRegistration(store, reg, { eventIds, expiresAt });
    } catch (error) {
      if (error instanceof StaleWriteError) await clearLostEntry(state, reg, expiresAt);
      throw error;
    }
    state.registrations.set(reg.registrationId, { ...reg, deleted: false, eventIds: known });
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
