import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchPut, byPartition, type Item, putItem, queryAll } from './dynamo';
import { conditionHeld } from './errors';
import {
  NIGHT_PLAN_PREFIX,
  nightDraftKey,
  nightDraftsPk,
  nightPk,
  nightPlanKey,
  nightSettleKey,
  nightSettlePrefix,
  nightShardKey,
  nightShardPrefix,
} from './keys';
import type { NightMarkers } from './night-markers';
import { expiryAfterDays } from './retention';

/**
 * The items one nightly run works from (docs/architecture.md, "The nightly run"): its plan, its
 * shards (the students each evaluates, then what it did), the mail drafts its students produced,
 * and the change-log items it settles at the end. They are the run's working memory, not records:
 * every one expires RUN_ITEM_DAYS after it was written (counted from now, not from the run's date,
 * so a replay of an old date does not write items that are already due to go).
 */
export const RUN_ITEM_DAYS = 30;

const expiresAt = (): number => expiryAfterDays(new Date(), RUN_ITEM_DAYS);

/** One student a shard evaluates: the changed days it owes (dirty, or from a failure record). */
export interface ShardStudent {
  studentId: string;
  dates: IsoDate[];
  /** An earlier run failed on this student: its failure record goes once it is evaluated. */
  retried?: boolean;
  /** The night markers (AP 75, 76) the planner found; absent: none (as in plans made before them). */
  markers?: NightMarkers;
}

export interface PlanRecord {
  asOf: IsoDate;
  run: number;
  shardCount: number;
  candidates: number;
  status: 'open' | 'finished';
}

export interface ShardCounts {
  evaluated: number;
  signals: number;
  withdrawn: number;
  failedStudents: number;
}

export interface ShardRecord {
  asOf: IsoDate;
  run: number;
  shard: number;
  students: ShardStudent[];
  status: 'open' | 'done';
  counts?: ShardCounts;
}

/** What one student's evaluation asks the finish step to mail (JSON: drafts and superseding reports). */
export interface StoredDrafts<D, R> {
  drafts: D[];
  reports: R[];
}

const planOf = (item: Item): PlanRecord => ({
  asOf: String(item.asOf),
  run: Number(item.run),
  shardCount: Number(item.shardCount ?? 0),
  candidates: Number(item.candidates ?? 0),
  status: item.status === 'finished' ? 'finished' : 'open',
});

/** The latest run's plan of a date (AP 63), if any. */
export async function latestPlan(store: Store, asOf: IsoDate): Promise<PlanRecord | undefined> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      ...byPartition('table', nightPk(asOf), { prefix: NIGHT_PLAN_PREFIX }),
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const item = out.Items?.[0];
  return item ? planOf(item) : undefined;
}

/** One run's plan (AP 63). */
export async function getPlan(store: Store, asOf: IsoDate, run: number): Promise<PlanRecord | undefined> {
  const out = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: nightPlanKey(asOf, run), ConsistentRead: true }),
  );
  return out.Item ? planOf(out.Item) : undefined;
}

/**
 * Writes a new run: its shards and settle list first, its plan last and only if that run is not
 * planned yet, so a plan that exists is complete. False when another planner stored this run first.
 */
export async function putPlan(
  store: Store,
  plan: Omit<PlanRecord, 'status'>,
  shards: readonly ShardStudent[][],
  settleChunks: readonly string[][],
): Promise<boolean> {
  const exp = expiresAt();
  const { asOf, run } = plan;
  await batchPut(store, [
    ...shards.map((students, shard) => ({
      ...nightShardKey(asOf, run, shard),
      type: 'night-shard',
      asOf,
      run,
      shard,
      students: JSON.stringify(students),
      status: 'open',
      expiresAt: exp,
    })),
    ...settleChunks.map((changeIds, chunk) => ({
      ...nightSettleKey(asOf, run, chunk),
      type: 'night-settle',
      changeIds: JSON.stringify(changeIds),
      expiresAt: exp,
    })),
  ]);
  return conditionHeld(
    store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...nightPlanKey(asOf, run), type: 'night-plan', ...plan, status: 'open', expiresAt: exp },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

/** Marks a run finished (a finished run is never resumed; the next plan of its date is a new run). */
export async function markPlanFinished(store: Store, asOf: IsoDate, run: number, at: string): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: nightPlanKey(asOf, run),
      UpdateExpression: 'SET #status = :finished, finishedAt = if_not_exists(finishedAt, :at)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':finished': 'finished', ':at': at },
    }),
  );
}

const countsOf = (item: Item): ShardCounts | undefined =>
  item.status === 'done'
    ? {
        evaluated: Number(item.evaluated ?? 0),
        signals: Number(item.signals ?? 0),
        withdrawn: Number(item.withdrawn ?? 0),
        failedStudents: Number(item.failedStudents ?? 0),
      }
    : undefined;

const shardRecordOf = (item: Item): ShardRecord => {
  const counts = countsOf(item);
  return {
    asOf: String(item.asOf),
    run: Number(item.run),
    shard: Number(item.shard),
    students: JSON.parse(String(item.students ?? '[]')) as ShardStudent[],
    status: item.status === 'done' ? 'done' : 'open',
    ...(counts ? { counts } : {}),
  };
};

/** One shard of a run (AP 64). */
export async function getShard(
  store: Store,
  asOf: IsoDate,
  run: number,
  shard: number,
): Promise<ShardRecord | undefined> {
  const out = await store.doc.send(
    new GetCommand({
      TableName: store.tableName,
      Key: nightShardKey(asOf, run, shard),
      ConsistentRead: true,
    }),
  );
  return out.Item ? shardRecordOf(out.Item) : undefined;
}

/** Every shard of a run (AP 64), without their students (the finish step needs status and counts only). */
export async function listShards(
  store: Store,
  asOf: IsoDate,
  run: number,
): Promise<Omit<ShardRecord, 'students'>[]> {
  const range = byPartition('table', nightPk(asOf), { prefix: nightShardPrefix(run) });
  const items = await queryAll(store, {
    ...range,
    // Without the students: up to 200 KB a shard that the finish step does not need.
    ProjectionExpression: '#shard, #status, evaluated, signals, withdrawn, failedStudents, asOf, #run',
    ExpressionAttributeNames: {
      ...range.ExpressionAttributeNames,
      '#shard': 'shard',
      '#status': 'status',
      '#run': 'run',
    },
    ConsistentRead: true,
  });
  return items.map((item) => {
    const { students: _, ...rest } = shardRecordOf(item);
    return rest;
  });
}

/**
 * Marks a shard done with its counts, once: false when it was done already (a retry, or a
 * duplicate execution that finished first), so its counts are never added twice.
 */
export function markShardDone(
  store: Store,
  asOf: IsoDate,
  run: number,
  shard: number,
  counts: ShardCounts,
): Promise<boolean> {
  return conditionHeld(
    store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: nightShardKey(asOf, run, shard),
        UpdateExpression:
          'SET #status = :done, evaluated = :evaluated, signals = :signals, withdrawn = :withdrawn, failedStudents = :failed',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :done',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':evaluated': counts.evaluated,
          ':signals': counts.signals,
          ':withdrawn': counts.withdrawn,
          ':failed': counts.failedStudents,
        },
      }),
    ),
  );
}

/**
 * Stores one student's drafts of a run (AP 65). The key is the run, shard and student, so a retried
 * shard overwrites the item with what the same evaluation drafts again.
 */
export async function putDrafts<D, R>(
  store: Store,
  ref: { asOf: IsoDate; run: number; shard: number; studentId: string },
  content: StoredDrafts<D, R>,
): Promise<void> {
  await putItem(store, {
    ...nightDraftKey(ref.asOf, ref.run, ref.shard, ref.studentId),
    type: 'night-drafts',
    drafts: JSON.stringify(content.drafts),
    reports: JSON.stringify(content.reports),
    expiresAt: expiresAt(),
  });
}

/** The drafts of one shard of a run, in student order (AP 65). */
export async function listDrafts<D, R>(
  store: Store,
  asOf: IsoDate,
  run: number,
  shard: number,
): Promise<(StoredDrafts<D, R> & { studentId: string })[]> {
  const items = await queryAll(store, {
    ...byPartition('table', nightDraftsPk(asOf, run, shard)),
    ConsistentRead: true,
  });
  return items.map((item) => ({
    studentId: String(item.sk),
    drafts: JSON.parse(String(item.drafts ?? '[]')) as D[],
    reports: JSON.parse(String(item.reports ?? '[]')) as R[],
  }));
}

/** The change-log ids a run settles when it finishes (AP 66). */
export async function listSettleIds(store: Store, asOf: IsoDate, run: number): Promise<string[]> {
  const items = await queryAll(store, {
    ...byPartition('table', nightPk(asOf), { prefix: nightSettlePrefix(run) }),
    ConsistentRead: true,
  });
  return items.flatMap((item) => JSON.parse(String(item.changeIds ?? '[]')) as string[]);
}
