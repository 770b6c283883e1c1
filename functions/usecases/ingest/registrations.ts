import type { SchoolCalendar } from '../../../shared/calendar';
import type { RegistrationData } from '../../../shared/contract/events';
import type { IsoDate } from '../../../shared/policy/types';
import type { ChangeMark } from '../../store/change-log';
import { mapLimit } from '../../store/dynamo';
import {
  batchGetRegistrations,
  type ClassifiedRegistration,
  getRegistration,
  listRegistrations,
  putRegistrationIf,
  type StoredRegistration,
} from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { settleArchivedInBatch } from '../archive/late-events';
import { classifyFor } from './classify-for';
import { type BatchState, calendarOf, decide, type RegistrationWork, today } from './context';
import { loadStudents } from './roster-cache';
import {
  type StretchDates,
  type StretchKind,
  stretchDatesOf,
  stretchKindOf,
  stretchWindow,
} from './stretches';
import {
  liveVersion,
  logChanges,
  MAX_ATTEMPTS,
  marksOf,
  type Reclassification,
  RegistrationContended,
  rank,
  WRITES_IN_FLIGHT,
  writeReclassifications,
} from './write-registrations';

const rankOfWork = (w: RegistrationWork): number =>
  rank(w.event.data.revision, w.event.type === 'registration.deleted');

const CONCURRENCY = 16;

type TombstonePlace = Required<Pick<StoredRegistration, 'studentId' | 'date' | 'placedAt'>>;

/** One registration's part of the batch: its events and, if it changes anything, the winner. */
interface Plan {
  registrationId: string;
  stored: StoredRegistration | undefined;
  candidates: RegistrationWork[];
  winner: RegistrationWork;
}

const markId = (m: ChangeMark) => `${m.studentId}#${m.date}`;

/**
 * `registration.upserted` / `registration.deleted` whose student is known (or that need no
 * student). Per registration only the highest version in the batch can change anything; it
 * is applied if it beats the stored version, everything else is stale or duplicate. No lock:
 * each registration is one conditional write on the version it was decided from
 * (putRegistrationIf), in parallel; another delivery that wrote it first makes the write fail,
 * and the registration is read again and decided again (now stale, a duplicate, or still the
 * newer one). A registration is one item: writing it is the commit record a retry checks (an
 * event id on it is settled), and moves it to its new day.
 *
 * Most registrations arrive once, so a first version is not read first: decided as never stored
 * and written on the condition that it is not (`unread`). Any stored version fails that
 * condition, however it differs (an event id settled, a higher revision, a tombstone's place),
 * so the ones that fail are read and decided as before, as are the ones read first.
 */
export async function applyRegistrations(state: BatchState, all: RegistrationWork[]): Promise<void> {
  const work = await settleArchivedInBatch(state, all);
  const groups = new Map<string, RegistrationWork[]>();
  for (const w of work) {
    const id = w.event.data.registrationId;
    groups.set(id, [...(groups.get(id) ?? []), w]);
  }
  const logged = new Set<string>();
  const direct = [...groups].filter(([id, group]) => unread(state, id, group));
  const lost = new Set(await writeUnread(state, direct, logged));
  for (const [id] of direct) if (!lost.has(id)) groups.delete(id);
  // The rest is read (consistently) once, the ones this batch has not written yet.
  const toRead = [...groups.keys()].filter((id) => !state.registrations.has(id));
  for (const [id, reg] of await batchGetRegistrations(state.deps.store, toRead))
    state.registrations.set(id, reg);
  // Their students too: a correction may move a lesson away from them (retention, stretches).
  await loadStudents(
    state,
    toRead.flatMap((id) => state.registrations.get(id)?.studentId ?? []),
  );
  await applyKnown(state, [...groups], logged);
}

/**
 * Whether a registration is written before it is read: not read yet, its first version
 * (revision 0) in the batch, and its winner an upsert. A write whose condition fails is billed
 * as a write (five times a read), so what most likely finds its registration stored is read
 * first: a correction (a higher revision only) and a deletion. So is a suspension or
 * special-leave day: it shifts the verdicts of the days after it, which are rewritten before it
 * (applyKnown) from what it replaces.
 */
function unread(state: BatchState, registrationId: string, group: RegistrationWork[]): boolean {
  if (state.registrations.has(registrationId)) return false;
  if (!group.some((w) => w.event.data.revision === 0)) return false;
  const plan = planOf(state, registrationId, group, undefined);
  return (
    plan?.winner.event.type === 'registration.upserted' &&
    stretchKindOf(plan.winner.event.data.reason) === undefined
  );
}

/**
 * Writes registrations decided as never stored, each conditional on not existing, their days
 * logged first. Returns the ids whose condition failed: stored after all.
 */
async function writeUnread(
  state: BatchState,
  groups: Array<[string, RegistrationWork[]]>,
  logged: Set<string>,
): Promise<string[]> {
  const none = new Map<string, StudentStretches>();
  const plans = groups.flatMap(([id, group]) => planOf(state, id, group, undefined) ?? []);
  const { store, now } = state.deps;
  const marks = plans.flatMap((plan) => marksOf(versionOf(state, plan, none), undefined));
  await logChanges(store, now(), marks);
  for (const m of marks) logged.add(markId(m));
  const lost: string[] = [];
  await mapLimit(plans, WRITES_IN_FLIGHT, async (plan) => {
    if (!(await tryWrite(state, plan, none, logged))) lost.push(plan.registrationId);
  });
  return lost;
}

/** Registrations decided against what was read of them (absent: never stored), as written until then. */
async function applyKnown(
  state: BatchState,
  groups: Array<[string, RegistrationWork[]]>,
  logged: Set<string>,
): Promise<void> {
  const beating: Plan[] = [];
  for (const [registrationId, group] of groups) {
    const plan = planOf(state, registrationId, group, state.registrations.get(registrationId));
    if (plan && beats(plan)) beating.push(plan);
  }

  const stretches = await loadStretches(state, beating);
  for (const [studentId, s] of stretches) state.stretchDates.set(studentId, s.dates);
  const { store, now } = state.deps;
  // Days a stretch change shifts first: the registrations below are the commit record, and a
  // retry that finds them written would not know to shift these days any more.
  await writeReclassifications(store, now(), laterDaysOf(state, stretches, beating), state.registrations);
  const marks = beating
    .flatMap((plan) => marksOf(versionOf(state, plan, stretches), plan.stored))
    .filter((m) => !logged.has(markId(m)));
  await logChanges(store, now(), marks);
  for (const m of marks) logged.add(markId(m));
  await mapLimit(groups, WRITES_IN_FLIGHT, ([registrationId, group]) =>
    settle(state, registrationId, group, stretches, logged),
  );
}

/**
 * Decides one registration's events against what is stored and writes the outcome, conditional
 * on that being what is still stored; on a lost condition reads it again and decides again.
 */
async function settle(
  state: BatchState,
  registrationId: string,
  group: RegistrationWork[],
  stretches: Map<string, StudentStretches>,
  logged: Set<string>,
): Promise<void> {
  let stored = state.registrations.get(registrationId);
  for (let attempt = 0; ; attempt++) {
    const plan = planOf(state, registrationId, group, stored);
    if (!plan || (await tryWrite(state, plan, stretches, logged))) return;
    if (attempt >= MAX_ATTEMPTS) throw new RegistrationContended(registrationId);
    stored = await getRegistration(state.deps.store, registrationId);
  }
}

/** Writes what `plan` decides, if what it was decided from is still stored; false if not. */
async function tryWrite(
  state: BatchState,
  plan: Plan,
  stretches: Map<string, StudentStretches>,
  logged: Set<string>,
): Promise<boolean> {
  const { store, now } = state.deps;
  const { stored, registrationId } = plan;
  const winning = beats(plan);
  const next = winning ? versionOf(state, plan, stretches) : settledVersionOf(state, plan);
  if (winning) {
    // Decided again on another stored version: the day it leaves may be one not named yet.
    const extra = marksOf(next, stored).filter((m) => !logged.has(markId(m)));
    await logChanges(store, now(), extra);
    for (const m of extra) logged.add(markId(m));
  }
  if (!(await putRegistrationIf(store, next, stored))) return false;
  const written = { ...next, writes: (stored?.writes ?? 0) + 1 };
  state.registrations.set(registrationId, written);
  if (winning && written.live) state.written.set(registrationId, written);
  for (const w of plan.candidates) decide(state, w, winning && w === plan.winner ? 'applied' : 'stale');
  return true;
}

/**
 * One registration's events of the batch: the ones already stored are decided duplicates, the
 * highest of the rest wins. Undefined when all were duplicates.
 */
function planOf(
  state: BatchState,
  registrationId: string,
  group: RegistrationWork[],
  stored: StoredRegistration | undefined,
): Plan | undefined {
  const candidates: RegistrationWork[] = [];
  for (const w of group) {
    if (stored?.eventIds.has(w.event.id)) decide(state, w, 'duplicate');
    else candidates.push(w);
  }
  if (candidates.length === 0) return undefined;
  let winner = candidates[0] as RegistrationWork;
  for (const w of candidates) if (rankOfWork(w) > rankOfWork(winner)) winner = w;
  return { registrationId, stored, candidates, winner };
}

/** Whether the plan's winner beats the stored version (nothing stored: it does). */
const beats = ({ stored, winner }: Plan): boolean =>
  stored === undefined || rankOfWork(winner) > rank(stored.revision, stored.deleted);

/** Every event id the plan settles: stale ones too, so that their repetition is a duplicate. */
const eventIdsOf = (plan: Plan): Set<string> =>
  new Set([...(plan.stored?.eventIds ?? []), ...plan.candidates.map((w) => w.event.id)]);

function expiryFor(state: BatchState, studentId: string | undefined, date: string): number {
  const student = studentId ? state.students.get(studentId) : undefined;
  return studentItemExpiry(student, date, state.deps.retentionYears);
}

/**
 * Where a deleted registration stays findable by its student (retention): the place of the
 * highest upsert ever seen of it, stored, kept on its tombstone, or stale in this batch. The
 * highest, not the last, so that any order of arrival leaves the same tombstone.
 */
function placeOf(plan: Plan): TombstonePlace | undefined {
  const { stored } = plan;
  let best: TombstonePlace | undefined =
    stored?.live !== undefined
      ? { studentId: stored.live.studentId, date: stored.live.date, placedAt: stored.revision }
      : stored?.studentId && stored.date && stored.placedAt !== undefined
        ? { studentId: stored.studentId, date: stored.date, placedAt: stored.placedAt }
        : undefined;
  for (const { event } of plan.candidates) {
    if (event.type !== 'registration.upserted') continue;
    const { studentId, date, revision } = event.data;
    if (!best || revision > best.placedAt) best = { studentId, date, placedAt: revision };
  }
  return best;
}

/** A plan that changes nothing still records its event ids, and a tombstone its best place. */
function settledVersionOf(state: BatchState, plan: Plan): StoredRegistration {
  const stored = plan.stored as StoredRegistration;
  const place = stored.deleted ? placeOf(plan) : undefined;
  return {
    ...stored,
    ...(place ? { ...place, expiresAt: expiryFor(state, place.studentId, place.date) } : {}),
    eventIds: eventIdsOf(plan),
  };
}

/** The winner as stored: classified, or a tombstone that keeps where the lesson was (retention). */
function versionOf(
  state: BatchState,
  plan: Plan,
  stretches: Map<string, StudentStretches>,
): StoredRegistration {
  const { winner, registrationId } = plan;
  if (winner.event.type === 'registration.deleted') {
    const place = placeOf(plan);
    return {
      registrationId,
      revision: winner.event.data.revision,
      deleted: true,
      ...place,
      eventIds: eventIdsOf(plan),
      expiresAt: expiryFor(state, place?.studentId, place?.date ?? today(state.deps)),
    };
  }
  const reg = winner.event.data;
  const student = state.students.get(reg.studentId);
  if (!student) throw new Error(`student ${reg.studentId} unknown: pending expected`);
  const classification = classifyFor(student, reg, {
    severeWeatherDates: state.severeWeatherDates,
    stretches: { calendar: calendarOf(state.deps), dates: stretches.get(reg.studentId)?.dates ?? new Map() },
  });
  return liveVersion(
    { ...reg, classification },
    { eventIds: eventIdsOf(plan), expiresAt: expiryFor(state, reg.studentId, reg.date) },
  );
}

/** A student's suspension / special-leave days around the ones this batch changes. */
interface StudentStretches {
  dates: StretchDates;
  /** The student's registrations in the changes' reach, as they are once this batch is stored. */
  registrations: Array<RegistrationData | ClassifiedRegistration>;
  /** The first date this batch changes a stretch on: only days after it can shift. */
  firstChanged: IsoDate;
}

/**
 * For students whose suspension or special-leave days this batch adds, changes or removes: one
 * query for their registrations within those days' reach, overlaid with the batch's winning
 * versions.
 */
async function loadStretches(state: BatchState, plans: Plan[]): Promise<Map<string, StudentStretches>> {
  const changed = new Map<string, Array<{ date: IsoDate; kind: StretchKind }>>();
  const note = (studentId: string, date: IsoDate, kind: StretchKind | undefined) => {
    if (kind) changed.set(studentId, [...(changed.get(studentId) ?? []), { date, kind }]);
  };
  const winners = new Map<string, RegistrationWork>();
  for (const plan of plans) {
    const { stored, winner } = plan;
    winners.set(plan.registrationId, winner);
    if (stored?.live) note(stored.live.studentId, stored.live.date, stretchKindOf(stored.live.reason));
    if (winner.event.type === 'registration.upserted')
      note(winner.event.data.studentId, winner.event.data.date, stretchKindOf(winner.event.data.reason));
  }
  const out = new Map<string, StudentStretches>();
  if (changed.size === 0) return out;
  const calendar = calendarOf(state.deps);
  await mapLimit([...changed], CONCURRENCY, async ([studentId, changes]) => {
    const { first, from, to } = reachOf(calendar, changes);
    const stored = await listRegistrations(state.deps.store, studentId, from, to);
    const registrations = overlaid(stored, winners, studentId, from, to);
    out.set(studentId, { dates: stretchDatesOf(registrations), registrations, firstChanged: first });
  });
  return out;
}

/** The first changed date, and the days from..to that the changed stretch days of each kind reach. */
function reachOf(
  calendar: SchoolCalendar,
  changes: Array<{ date: IsoDate; kind: StretchKind }>,
): { first: IsoDate; from: IsoDate; to: IsoDate } {
  const dates = changes.map((c) => c.date).sort();
  const first = dates[0] as IsoDate;
  let from = first;
  let to = first;
  for (const kind of new Set(changes.map((c) => c.kind))) {
    const ofKind = changes.filter((c) => c.kind === kind).map((c) => c.date);
    const reach = stretchWindow(calendar, kind, ofKind.sort()[0] as IsoDate, ofKind.at(-1) as IsoDate);
    if (reach.from < from) from = reach.from;
    if (reach.to > to) to = reach.to;
  }
  return { first, from, to };
}

/** A student's stored registrations from..to as they are once the batch's winners are stored. */
function overlaid(
  stored: ClassifiedRegistration[],
  winners: Map<string, RegistrationWork>,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Array<RegistrationData | ClassifiedRegistration> {
  const effective = new Map<string, RegistrationData | ClassifiedRegistration>();
  for (const reg of stored) {
    if (!winners.has(reg.registrationId)) effective.set(reg.registrationId, reg);
  }
  for (const [id, w] of winners) {
    if (w.event.type !== 'registration.upserted') continue;
    const reg = w.event.data;
    if (reg.studentId === studentId && reg.date >= from && reg.date <= to) effective.set(id, reg);
  }
  return [...effective.values()];
}

/**
 * A day added to (or taken from) a stretch shifts the count of the stored days after it: those
 * are classified again. Days this batch writes itself are classified with the shifted count.
 */
function laterDaysOf(
  state: BatchState,
  stretches: Map<string, StudentStretches>,
  plans: Plan[],
): Reclassification[] {
  const written = new Set(plans.map((p) => p.registrationId));
  const calendar = calendarOf(state.deps);
  return [...stretches].flatMap(([studentId, s]) => {
    const student = state.students.get(studentId);
    if (!student) return [];
    return s.registrations
      .filter(
        (reg) =>
          reg.date > s.firstChanged &&
          stretchKindOf(reg.reason) !== undefined &&
          !written.has(reg.registrationId),
      )
      .map((reg) => ({
        registrationId: reg.registrationId,
        revision: reg.revision,
        classification: classifyFor(student, reg, {
          severeWeatherDates: state.severeWeatherDates,
          stretches: { calendar, dates: s.dates },
        }),
      }));
  });
}
