import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegistrationData } from '../../shared/contract/events';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGet, byPartition, type Item, keyId, queryAll, updateExpression } from './dynamo';
import { isConditionFailed, StaleWriteError } from './errors';
import * as keys from './keys';

/**
 * A registration as stored: the latest revision's facts, or a tombstone (`deleted`) that
 * keeps the revision so an older upsert arriving later stays stale. `studentId`/`date`
 * remain on a tombstone (when known) so a later correction can clear the old day entry.
 */
export interface StoredRegistration {
  registrationId: string;
  revision: number;
  deleted: boolean;
  studentId?: string;
  date?: IsoDate;
  start?: string;
  end?: string;
  status?: RegistrationData['status'];
  minutesMissed?: number;
  reason?: RegistrationData['reason'];
  notice?: RegistrationData['notice'];
  decision?: RegistrationData['decision'];
  eventIds: Set<string>;
}

function toRegistration(item: Item): StoredRegistration {
  return {
    registrationId: item.registrationId as string,
    revision: item.revision as number,
    deleted: item.deleted === true,
    studentId: item.studentId as string | undefined,
    date: item.date as string | undefined,
    start: item.start as string | undefined,
    end: item.end as string | undefined,
    status: item.status as StoredRegistration['status'],
    minutesMissed: item.minutesMissed as number | undefined,
    reason: item.reason as StoredRegistration['reason'],
    notice: item.notice as StoredRegistration['notice'],
    decision: item.decision as StoredRegistration['decision'],
    eventIds: new Set((item.eventIds as Set<string> | undefined) ?? []),
  };
}

/** Live registration facts, for classification. */
export function factsOf(reg: StoredRegistration): RegistrationData | undefined {
  if (reg.deleted || !reg.studentId || !reg.date || !reg.start || !reg.end || !reg.status) return undefined;
  return {
    registrationId: reg.registrationId,
    revision: reg.revision,
    studentId: reg.studentId,
    date: reg.date,
    start: reg.start,
    end: reg.end,
    status: reg.status,
    minutesMissed: reg.minutesMissed,
    reason: reg.reason,
    notice: reg.notice,
    decision: reg.decision,
  };
}

export async function batchGetRegistrations(
  store: Store,
  registrationIds: Iterable<string>,
): Promise<Map<string, StoredRegistration>> {
  const ids = [...new Set(registrationIds)];
  const found = await batchGet(store, ids.map(keys.registrationKey));
  const result = new Map<string, StoredRegistration>();
  for (const id of ids) {
    const item = found.get(keyId(keys.registrationKey(id)));
    if (item) result.set(id, toRegistration(item));
  }
  return result;
}

const revisionCondition = {
  // Same revision passes too: that is the retry of this very write (the use case has already
  // decided that a different event at the same revision is stale).
  ConditionExpression: 'attribute_not_exists(#rev) OR #rev <= :rev',
};

/**
 * Writes a registration's new revision and records the event ids it settles. Written after
 * the day-summary entry: this item is the commit record a retry checks.
 */
export async function putRegistration(
  store: Store,
  reg: RegistrationData,
  meta: { eventIds: string[]; expiresAt: number },
): Promise<void> {
  const fields: Record<string, unknown> = {
    type: 'registration',
    ...keys.registrationStudentGsi1(reg.studentId, reg.date, reg.start, reg.registrationId),
    gsi2pk: undefined,
    gsi2sk: undefined,
    ...(reg.reason === 'severe_weather'
      ? keys.severeWeatherGsi2(reg.date, reg.studentId, reg.registrationId)
      : {}),
    registrationId: reg.registrationId,
    revision: reg.revision,
    deleted: false,
    studentId: reg.studentId,
    date: reg.date,
    start: reg.start,
    end: reg.end,
    status: reg.status,
    minutesMissed: reg.minutesMissed,
    reason: reg.reason,
    notice: reg.notice,
    decision: reg.decision,
    expiresAt: meta.expiresAt,
  };
  await conditionalUpdate(store, reg.registrationId, reg.revision, fields, meta.eventIds);
}

/** Turns a registration into a tombstone at `revision` (or creates one if we never saw it). */
export async function putRegistrationTombstone(
  store: Store,
  registrationId: string,
  revision: number,
  meta: { eventIds: string[]; expiresAt: number },
): Promise<void> {
  const fields: Record<string, unknown> = {
    type: 'registration',
    gsi1pk: undefined,
    gsi1sk: undefined,
    gsi2pk: undefined,
    gsi2sk: undefined,
    registrationId,
    revision,
    deleted: true,
    status: undefined,
    minutesMissed: undefined,
    reason: undefined,
    notice: undefined,
    decision: undefined,
    expiresAt: meta.expiresAt,
  };
  await conditionalUpdate(store, registrationId, revision, fields, meta.eventIds);
}

async function conditionalUpdate(
  store: Store,
  registrationId: string,
  revision: number,
  fields: Record<string, unknown>,
  eventIds: string[],
): Promise<void> {
  const update = updateExpression(fields, { eventIds: new Set(eventIds) });
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.registrationKey(registrationId),
        ...update,
        ...revisionCondition,
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#rev': 'revision' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':rev': revision },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new StaleWriteError(`registration ${registrationId}`);
    throw error;
  }
}

/** Remembers event ids that changed nothing (stale), so their repetition answers `duplicate`. */
export async function addRegistrationEventIds(
  store: Store,
  registrationId: string,
  eventIds: string[],
): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.registrationKey(registrationId),
        UpdateExpression: 'ADD eventIds :ids',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ids': new Set(eventIds) },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

/** A student's live registrations from `from` to `to` inclusive, by date and start time. */
export async function listRegistrations(
  store: Store,
  studentId: string,
  from: IsoDate,
  to: IsoDate,
): Promise<RegistrationData[]> {
  const items = await queryAll(
    store,
    byPartition('gsi1', keys.studentRegistrationsPk(studentId), { from, to: `${to}${keys.HIGH}` }),
  );
  return items.map(toRegistration).flatMap((r) => factsOf(r) ?? []);
}

/** Live registrations with reason `severe_weather` on a date (sparse index). */
export async function listSevereWeatherRegistrations(
  store: Store,
  date: IsoDate,
): Promise<StoredRegistration[]> {
  return (await queryAll(store, byPartition('gsi2', keys.severeWeatherPk(date)))).map(toRegistration);
}

/** Every registration item of a student (for retention rewrites), keys included. */
export async function listRegistrationKeysOfStudent(
  store: Store,
  studentId: string,
): Promise<keys.PrimaryKey[]> {
  const items = await queryAll(store, {
    ...byPartition('gsi1', keys.studentRegistrationsPk(studentId)),
    ProjectionExpression: 'pk, sk',
  });
  return items.map((i) => ({ pk: i.pk as string, sk: i.sk as string }));
}
