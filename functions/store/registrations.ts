import type { RegistrationData } from '../../shared/contract/events';
import type { Classification, IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGet, batchPut, byPartition, type Item, keyId, queryAll } from './dynamo';
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
  /** Every event id this registration settled (applied or stale): repeats are duplicates. */
  eventIds: Set<string>;
  expiresAt: number;
}

const FACTS = ['start', 'end', 'status', 'minutesMissed', 'reason', 'notice', 'decision'] as const;

export function toStoredRegistration(item: Item): StoredRegistration {
  const deleted = item.deleted === true;
  const base = {
    registrationId: item.registrationId as string,
    revision: item.revision as number,
    deleted,
    ...(item.studentId ? { studentId: item.studentId as string } : {}),
    ...(item.date ? { date: item.date as IsoDate } : {}),
    eventIds: new Set((item.eventIds as Set<string> | undefined) ?? []),
    expiresAt: item.expiresAt as number,
  };
  if (deleted) return base;
  const live = {
    registrationId: base.registrationId,
    revision: base.revision,
    studentId: item.studentId,
    date: item.date,
  };
  for (const field of FACTS) if (item[field] !== undefined) Object.assign(live, { [field]: item[field] });
  return { ...base, live: { ...live, classification: item.classification } as ClassifiedRegistration };
}

function toItem(reg: StoredRegistration): Item {
  const { live } = reg;
  const place =
    live !== undefined
      ? {
          ...keys.registrationDayGsi1(live.studentId, live.date, reg.registrationId),
          ...(live.reason === 'severe_weather'
            ? keys.severeWeatherGsi2(live.date, live.studentId, reg.registrationId)
            : {}),
        }
      : reg.studentId
        ? keys.registrationGoneGsi1(reg.studentId, reg.registrationId)
        : {};
  return {
    ...keys.registrationKey(reg.registrationId),
    type: 'registration',
    ...place,
    registrationId: reg.registrationId,
    revision: reg.revision,
    deleted: reg.deleted,
    studentId: live?.studentId ?? reg.studentId,
    date: live?.date ?? reg.date,
    ...(live ? Object.fromEntries(FACTS.map((f) => [f, live[f]])) : {}),
    classification: live?.classification,
    // DynamoDB stores no empty set (a registration written outside a delivery has no event ids).
    eventIds: reg.eventIds.size > 0 ? reg.eventIds : undefined,
    expiresAt: reg.expiresAt,
  };
}

/** Consistent reads of registrations by id; the ones never stored are absent. */
export async function batchGetRegistrations(
  store: Store,
  registrationIds: Iterable<string>,
): Promise<Map<string, StoredRegistration>> {
  const ids = [...new Set(registrationIds)];
  const found = await batchGet(store, ids.map(keys.registrationKey));
  const result = new Map<string, StoredRegistration>();
  for (const id of ids) {
    const item = found.get(keyId(keys.registrationKey(id)));
    if (item) result.set(id, toStoredRegistration(item));
  }
  return result;
}

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
    ProjectionExpression: 'registrationId',
  });
  return items.map((i) => i.registrationId as string);
}
