import type { RegistrationData } from '../../shared/contract/events';
import type { Classification, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGetByIds, batchPut, byPartition, type Item, queryAll } from './dynamo';
import { keepNewest, readEventIds } from './event-ids';
import * as keys from './keys';

/** A registration's facts with the verdict stored for them. */
export type ClassifiedRegistration = RegistrationData & { classification: Classification };

/**
 * A registration as stored: its latest version, live with its facts and classification, or
 * a tombstone (`deleted`) that keeps the revision so an older upsert arriving later stays
 * stale. `studentId`/`date` stay on a tombstone when known (retention finds it by student).
 */
export interface StoredRegistration {
  registrationId: string;
  revision: number;
  deleted: boolean;
  studentId?: string;
  date?: IsoDate;
  /** The facts and their verdict, while live. */
  live?: ClassifiedRegistration;
  /** On a tombstone with a place: the revision of the upsert that gave it (the highest seen). */
  placedAt?: number;
  /** The event ids this registration settled (applied or stale), oldest first: repeats are duplicates. Stored: the newest (event-ids.ts). */
  eventIds: Set<string>;
  expiresAt: number;
}

/** What a live registration holds beyond its key, place and revision: written and read whole. */
type Lesson = Omit<ClassifiedRegistration, 'registrationId' | 'revision' | 'studentId' | 'date'>;

export function toStoredRegistration(item: Item): StoredRegistration {
  const stored: StoredRegistration = {
    registrationId: keys.registrationIdOf(item.pk as string),
    revision: item.revision as number,
    deleted: item.lesson === undefined,
    eventIds: new Set(readEventIds(item.eventIds)),
    expiresAt: item.expiresAt as number,
  };
  if (item.studentId) stored.studentId = item.studentId as string;
  if (item.date) stored.date = item.date as IsoDate;
  if (item.placedAt !== undefined) stored.placedAt = item.placedAt as number;
  if (item.lesson === undefined) return stored;
  const lesson = JSON.parse(item.lesson as string) as Lesson;
  stored.live = {
    ...lesson,
    registrationId: stored.registrationId,
    revision: stored.revision,
    studentId: item.studentId as string,
    date: item.date as IsoDate,
  };
  return stored;
}

/**
 * Key, place and revision as attributes; the event ids and the lesson itself (times, status,
 * reason, notice, decision and the verdict) as JSON text: they are written and read whole and
 * never queried, and a string costs the store (and the SDK's marshalling) far less on every
 * write than a set, a dozen attributes and nested maps (measured: about a tenth of the
 * webhook's throughput on dynalite).
 */
function toItem(reg: StoredRegistration): Item {
  const item: Item = {
    ...keys.registrationKey(reg.registrationId),
    type: 'registration',
    revision: reg.revision,
    expiresAt: reg.expiresAt,
  };
  if (reg.eventIds.size > 0) item.eventIds = JSON.stringify(keepNewest(reg.eventIds));
  const { live } = reg;
  if (live === undefined) {
    if (reg.studentId) Object.assign(item, keys.registrationGoneGsi1(reg.studentId, reg.registrationId));
    if (reg.studentId) item.studentId = reg.studentId;
    if (reg.date) item.date = reg.date;
    if (reg.placedAt !== undefined) item.placedAt = reg.placedAt;
    return item;
  }
  const { registrationId, revision: _revision, studentId, date, ...lesson } = live;
  Object.assign(item, keys.registrationDayGsi1(studentId, date, registrationId));
  if (live.reason === 'severe_weather')
    Object.assign(item, keys.severeWeatherGsi2(date, studentId, registrationId));
  item.studentId = studentId;
  item.date = date;
  item.lesson = JSON.stringify(lesson);
  return item;
}

/** Consistent reads of registrations by id; the ones never stored are absent. */
export const batchGetRegistrations = (
  store: Store,
  registrationIds: Iterable<string>,
): Promise<Map<string, StoredRegistration>> =>
  batchGetByIds(store, registrationIds, keys.registrationKey, toStoredRegistration);

/**
 * Writes registrations whole, with BatchWriteItem. Only under the ingestion lease
 * (ingest-lease.ts): the caller has read them and decided that these versions win.
 */
export async function putRegistrations(
  store: Store,
  registrations: readonly StoredRegistration[],
): Promise<void> {
  await batchPut(store, registrations.map(toItem));
}

/** A student's registration items from `from` to `to` inclusive (the student index; live ones only). */
export function queryStudentDays(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<Item[]> {
  return queryAll(
    store,
    byPartition('gsi1', keys.studentRegistrationsPk(studentId), keys.daySummaryRange(from, to)),
  );
}

/**
 * A student's live registrations from `from` to `to` inclusive, by date and start time. Read
 * from an index, so a write of the last moment may be missing: callers that write back
 * read the registrations again by id (`batchGetRegistrations`).
 */
export async function listRegistrations(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<ClassifiedRegistration[]> {
  return (await queryStudentDays(store, studentId, from, to))
    .flatMap((item) => toStoredRegistration(item).live ?? [])
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
}

/** Live registrations with reason `severe_weather` on a date (sparse index). */
export async function listSevereWeatherRegistrations(
  store: Store,
  date: IsoDate,
): Promise<ClassifiedRegistration[]> {
  return (await queryAll(store, byPartition('gsi2', keys.severeWeatherPk(date)))).flatMap(
    (item) => toStoredRegistration(item).live ?? [],
  );
}

/** The ids of every registration of a student, deleted ones included (retention rewrites). */
export async function listRegistrationIdsOfStudent(store: Store, studentId: string): Promise<string[]> {
  const items = await queryAll(store, {
    ...byPartition('gsi1', keys.studentRegistrationsPk(studentId)),
    ProjectionExpression: 'pk',
  });
  return items.map((i) => keys.registrationIdOf(i.pk as string));
}
