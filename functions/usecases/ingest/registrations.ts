import type { SchoolCalendar } from '../../../shared/calendar';
import type { RegistrationData } from '../../../shared/contract/events';
import type { IsoDate } from '../../../shared/policy/types';
import { mapLimit } from '../../store/dynamo';
import {
  type ClassifiedRegistration,
  listRegistrations,
  type StoredRegistration,
} from '../../store/registrations';
import { studentItemExpiry } from '../../store/retention';
import { settleArchivedInBatch } from '../archive/late-events';
import { classifyFor } from './classify-for';
import { type BatchState, calendarOf, decide, type RegistrationWork, today } from './context';
import {
  type StretchDates,
  type StretchKind,
  stretchDatesOf,
  stretchKindOf,
  stretchWindow,
} from './stretches';
import {
  liveVersion,
  type Reclassification,
  rank,
  writeReclassifications,
  writeRegistrations,
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

/**
 * `registration.upserted` / `registration.deleted` whose student is known (or that need no
 * student). Per registration only the highest version in the batch can change anything; it
 * is applied if it beats the stored version, everything else is stale or duplicate. Runs
 * under the ingestion lease, so what was read still holds when the writes land. A
 * registration is one item: writing it is the commit record a retry checks (an event id on
 * it is settled), and moves it to its new day.
 */
export async function applyRegistrations(state: BatchState, all: RegistrationWork[]): Promise<void> {
  const work = await settleArchivedInBatch(state, all);
  const groups = new Map<string, RegistrationWork[]>();
  for (const w of work) {
    const id = w.event.data.registrationId;
    groups.set(id, [...(groups.get(id) ?? []), w]);
  }
  const beating: Plan[] = [];
  const settled: Plan[] = [];
  for (const [registrationId, group] of groups) {
    const plan = planOf(state, registrationId, group);
    if (plan) (beats(plan) ? beating : settled).push(plan);
  }
  if (beating.length === 0 && settled.length === 0) return;

  const stretches = await loadStretches(state, beating);
  const { store, now } = state.deps;
  state.lease.check();
  // Days a stretch change shifts first: the registrations below are the commit record, and a
  // retry that finds them written would not know to shift these days any more.
  await writeReclassifications(store, now(), laterDaysOf(state, stretches, beating), state.registrations);
  await writeRegistrations(
    store,
    now(),
    {
      changed: beating.map((plan) => versionOf(state, plan, stretches)),
      settled: settled.map((plan) => settledVersionOf(state, plan)),
    },
    state.registrations,
  );
  for (const plan of beating)
    for (const w of plan.candidates) decide(state, w, w === plan.winner ? 'applied' : 'stale');
  for (const plan of settled) for (const w of plan.candidates) decide(state, w, 'stale');
}

/**
 * One registration's events of the batch: the ones already stored are decided duplicates, the
 * highest of the rest wins. Undefined when all were duplicates.
 */
function planOf(state: BatchState, registrationId: string, group: RegistrationWork[]): Plan | undefined {
  const stored = state.registrations.get(registrationId);
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
