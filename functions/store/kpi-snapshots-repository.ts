import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { putItem, queryAll } from './dynamo';
import { kpiPk, kpiSnapshotKey } from './keys';

/** One unit's KPI "as of last night": 16-hour reports sent to coaches in the last 28 school days, and how many were handled. */
export interface KpiSnapshot {
  orgUnitId: string;
  /** The as-of date of the nightly run. */
  date: string;
  norm: number;
  realisation: number;
  /** realisation / norm × 100, unrounded; null when there were no reports. */
  percentage: number | null;
  colour: 'green' | 'orange' | 'red' | 'none';
  /** 16-hour reports in the window not handled yet (ids), for the drill-down. */
  unhandled: string[];
  /** Route-X reports in the same window, outside the figures above; absent on older snapshots. */
  routeX?: { norm: number; realisation: number };
}

/**
 * Written once per unit per night; a replay of the same date overwrites it with the same figures.
 * A snapshot is about a date, not a student: `expiresAt` is `dateItemExpiry(date, RETENTION_YEARS)`.
 */
export async function putKpiSnapshot(store: Store, snapshot: KpiSnapshot, expiresAt: number): Promise<void> {
  await putItem(store, {
    ...kpiSnapshotKey(snapshot.orgUnitId, snapshot.date),
    type: 'kpi',
    ...snapshot,
    expiresAt,
  });
}

function strip(raw: Record<string, unknown>): KpiSnapshot {
  const { pk: _pk, sk: _sk, type: _t, expiresAt: _x, ...snapshot } = raw;
  return snapshot as unknown as KpiSnapshot;
}

/** The latest snapshot of a unit on or before `asOf`: one item read. */
export async function latestKpiSnapshot(
  store: Store,
  orgUnitId: string,
  asOf = '9999-12-31',
): Promise<KpiSnapshot | undefined> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND sk <= :asOf',
      ExpressionAttributeValues: { ':pk': kpiPk(orgUnitId), ':asOf': asOf },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const raw = result.Items?.[0];
  return raw ? strip(raw) : undefined;
}

/** A unit's snapshots from `from` to `to` inclusive, oldest first: the trend. */
export async function kpiHistory(
  store: Store,
  orgUnitId: string,
  from: string,
  to: string,
): Promise<KpiSnapshot[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': kpiPk(orgUnitId), ':from': from, ':to': to },
  });
  return items.map(strip);
}
