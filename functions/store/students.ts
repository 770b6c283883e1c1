import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StudentData } from '../../shared/contract/events';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchGetByIds, byPartition, getItem, type Item, queryAll, updateExpression } from './dynamo';
import { conditionHeld, conditionMustHold, isConditionFailed } from './errors';
import { keepNewest, readEventIds } from './event-ids';
import * as keys from './keys';

/** A student as we store it: the contract's fields plus what `student.left` told us. */
export interface StudentRecord extends StudentData {
  leftOn?: IsoDate;
  diplomaObtained?: boolean;
  /** `occurredAt` (epoch ms) of the `student.left` stored; an older or the same one again is stale. */
  leftVersion?: number;
  /** `occurredAt` (epoch ms) of the upsert stored; an older upsert is stale. */
  version: number;
  /** The newest event ids settled on the student, oldest first (event-ids.ts). */
  eventIds: string[];
  expiresAt?: number;
}

const INTERNAL = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type', 'eventIds']);

export function toStudent(item: Item): StudentRecord {
  const record: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) record[k] = v;
  record.eventIds = readEventIds(item.eventIds);
  return record as unknown as StudentRecord;
}

export async function getStudent(store: Store, studentId: string): Promise<StudentRecord | undefined> {
  const item = await getItem(store, keys.studentKey(studentId));
  return item ? toStudent(item) : undefined;
}

/** Consistent reads of students by id; the ones never stored are absent. */
export const batchGetStudents = (
  store: Store,
  studentIds: Iterable<string>,
): Promise<Map<string, StudentRecord>> => batchGetByIds(store, studentIds, keys.studentKey, toStudent);

/**
 * Stores a student upsert unless a later one (by `occurredAt`) is stored already: then
 * ConcurrentModification. Fields absent from the upsert are removed; `student.left` facts stay.
 */
export async function putStudent(
  store: Store,
  data: StudentData,
  meta: { version: number; eventIds: readonly string[]; expiresAt: number },
): Promise<void> {
  const fields: Record<string, unknown> = {
    type: 'student',
    ...keys.studentTeamGsi1(data.teamId, data.studentId),
    ...keys.studentCoachGsi2(data.coachId, data.studentId),
    studentId: data.studentId,
    displayName: data.displayName,
    email: data.email,
    birthDate: data.birthDate,
    teamId: data.teamId,
    coachId: data.coachId,
    level: data.level,
    pathway: data.pathway,
    routeX: data.routeX,
    startQualification: data.startQualification,
    guardianEmail: data.guardianEmail,
    educationNumber: data.educationNumber,
    enrolledFrom: data.enrolledFrom,
    enrolledUntil: data.enrolledUntil ?? undefined,
    version: meta.version,
    expiresAt: meta.expiresAt,
    eventIds: keepNewest(meta.eventIds),
  };
  const update = updateExpression(fields);
  await conditionMustHold(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.studentKey(data.studentId),
        ...update,
        ConditionExpression: 'attribute_not_exists(#v) OR #v <= :v',
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#v': 'version' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':v': meta.version },
      }),
    ),
    `student ${data.studentId}`,
  );
}

/** Records the facts of `student.left`. The student must exist; false when a later leave is stored. */
export function markStudentLeft(
  store: Store,
  studentId: string,
  left: {
    leftOn: IsoDate;
    diplomaObtained: boolean;
    leftVersion: number;
    eventIds: readonly string[];
    expiresAt: number;
  },
): Promise<boolean> {
  const update = updateExpression({
    leftOn: left.leftOn,
    diplomaObtained: left.diplomaObtained,
    leftVersion: left.leftVersion,
    expiresAt: left.expiresAt,
    eventIds: keepNewest(left.eventIds),
  });
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.studentKey(studentId),
        ...update,
        // Ordered by `occurredAt`: a later leave stored meanwhile by another delivery wins.
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#lv) OR #lv < :lv)',
        ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#lv': 'leftVersion' },
        ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':lv': left.leftVersion },
      }),
    ),
  );
}

/** Remembers event ids that changed nothing (stale), so that their repetition is a duplicate. */
export async function setStudentEventIds(
  store: Store,
  studentId: string,
  eventIds: readonly string[],
): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.studentKey(studentId),
        UpdateExpression: 'SET eventIds = :ids',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ids': keepNewest(eventIds) },
      }),
    );
  } catch (error) {
    if (!isConditionFailed(error)) throw error;
  }
}

export async function listStudentsByTeam(store: Store, teamId: string): Promise<StudentRecord[]> {
  return (await queryAll(store, byPartition('gsi1', keys.teamStudentsPk(teamId)))).map(toStudent);
}

export async function listStudentsByCoach(store: Store, coachId: string): Promise<StudentRecord[]> {
  return (await queryAll(store, byPartition('gsi2', keys.coachStudentsPk(coachId)))).map(toStudent);
}

/**
 * Every item key in a student's partition (profile, signal state), for retention rewrites. The
 * mail links (AP 54) are left out: each expires with its mail, a year after it was recorded.
 */
export async function listStudentPartitionKeys(store: Store, studentId: string): Promise<keys.PrimaryKey[]> {
  const items = await queryAll(store, {
    ...byPartition('table', keys.studentPk(studentId)),
    ProjectionExpression: 'pk, sk',
  });
  return items
    .map((i) => ({ pk: i.pk as string, sk: i.sk as string }))
    .filter((k) => !k.sk.startsWith(keys.STUDENT_MAIL_PREFIX));
}
