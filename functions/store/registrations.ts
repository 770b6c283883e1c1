import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { RegistrationData } from '../../shared/contract/events';
import type { Classification, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGetByIds, byPartition, type Item, queryAll } from './dynamo';
import { conditionHeld } from './errors';
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
  /**
   * How many times the item was written (absent on items written before it was kept, and on
   * one never stored): every write is conditional on the count it read, so a writer that lost
   * the race reads again and decides again (putRegistrationIf).
   */
  writes?: number;
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
  if (item.writes !== undefined) stored.writes = item.writes as number;
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
export function toItem(reg: StoredRegistration, writes: number): Item {
  const item: Item = {
    ...keys.registrationKey(reg.registrationId),
    type: 'registration',
    revision: reg.revision,
    expiresAt: reg.expiresAt,
    writes,
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

/** A consistent read of one registration (after a lost condition); undefined if never stored. */
export async function getRegistration(
  store: Store,
  registrationId: string,
): Promise<StoredRegistration | undefined> {
  const out = await store.doc.send(
    new GetCommand({
      TableName: store.tableName,
      Key: keys.registrationKey(registrationId),
      ConsistentRead: true,
    }),
  );
  return out.Item ? toStoredRegistration(out.Item) : undefined;
}

/** Consistent reads of registrations by id; the ones never stored are absent. */
export const batchGetRegistrations = (
  store: Store,
  registrationIds: Iterable<string>,
): Promise<Map<string, StoredRegistration>> =>
  batchGetByIds(store, registrationIds, keys.registrationKey, toStoredRegistration);

/**
 * Writes a registration whole if it is still as `read` left it: never stored (`read`
 * undefined), or written as many times as then. One conditional PutItem (no transaction: half
 * the cost), so deliveries write independently. False when another writer came first: the
 * caller reads again and decides again. The write count, not the revision, is the condition,
 * so that a write that only adds settled event ids or a new verdict is not lost either.
 */
export function putRegistrationIf(
  store: Store,
  reg: StoredRegistration,
  read: Pick<StoredRegistration, 'writes'> | undefined,
): Promise<boolean> {
  const condition =
    read === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : read.writes === undefined
        ? {
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#w)',
            ExpressionAttributeNames: { '#w': 'writes' },
          }
        : {
            ConditionExpression: '#w = :w',
            ExpressionAttributeNames: { '#w': 'writes' },
            ExpressionAttributeValues: { ':w': read.writes },
          };
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: toItem(reg, (read?.writes ?? 0) + 1),
        ...condition,
      }),
    ),
  );
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

/**
 * A student's registrations, deleted ones included, with the expiry each carries (the retention
 * sweep skips those already right).
 */
export async function listRegistrationExpiriesOfStudent(
  store: Store,
  studentId: string,
): Promise<{ registrationId: string; expiresAt: number | undefined }[]> {
  const items = await queryAll(store, {
    ...byPartition('gsi1', keys.studentRegistrationsPk(studentId)),
    ProjectionExpression: 'pk, expiresAt',
  });
  return items.map((i) => ({
    registrationId: keys.registrationIdOf(i.pk as string),
    expiresAt: i.expiresAt === undefined ? undefined : Number(i.expiresAt),
  }));
}
