import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PortalNoticeData } from '../../shared/contract/events';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { byPartition, getItem, queryAll } from './dynamo';
import { conditionMustHold } from './errors';
import * as keys from './keys';
import { plain, versionedUpsert } from './versioned';

/**
 * A notice from the presence system (`portal.notice`, severe weather) or posted by the
 * administrator on the dashboard (`source: admin`; also kind `info`, and an English text).
 */
export interface PortalNotice {
  date: IsoDate;
  kind: string;
  text: string;
  textEn?: string;
  source?: 'admin';
}

export async function putPortalNotice(
  store: Store,
  notice: PortalNoticeData,
  meta: { version: number; eventIds: readonly string[]; expiresAt: number },
): Promise<void> {
  await versionedUpsert(
    store,
    keys.noticeKey(notice.date, notice.kind),
    {
      type: 'notice',
      ...keys.noticeListGsi1(notice.date, notice.kind),
      date: notice.date,
      kind: notice.kind,
      text: notice.text,
      expiresAt: meta.expiresAt,
    },
    { version: meta.version, eventIds: meta.eventIds, what: `notice ${notice.date}` },
  );
}

export async function listPortalNotices(store: Store): Promise<PortalNotice[]> {
  return (await queryAll(store, byPartition('gsi1', keys.noticeListPk()))).map((i) => plain<PortalNotice>(i));
}

/** The dates with a severe-weather notice: the classification context. */
export async function severeWeatherDates(store: Store): Promise<Set<IsoDate>> {
  return new Set(
    (await listPortalNotices(store)).filter((n) => n.kind === 'severe_weather').map((n) => n.date),
  );
}

export async function getPortalNotice(
  store: Store,
  date: IsoDate,
  kind: string,
): Promise<PortalNotice | null> {
  const item = await getItem(store, keys.noticeKey(date, kind));
  return item ? plain<PortalNotice>(item) : null;
}

/**
 * The administrator's notice (AP 32): replaces one of the same date and kind. Its `version` is
 * the time posted (epoch ms), the presence system's is its `occurredAt`: whichever is newer wins.
 */
export async function putAdminNotice(
  store: Store,
  notice: PortalNotice,
  meta: { postedAt: Date; expiresAt: number },
): Promise<void> {
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...keys.noticeKey(notice.date, notice.kind),
        ...keys.noticeListGsi1(notice.date, notice.kind),
        type: 'notice',
        ...notice,
        source: 'admin',
        version: meta.postedAt.getTime(),
        eventIds: [],
        expiresAt: meta.expiresAt,
      },
    }),
  );
}

/** Withdraws a notice; `ConcurrentModification` when it is not there (withdrawn meanwhile). */
export async function deletePortalNotice(store: Store, date: IsoDate, kind: string): Promise<void> {
  await conditionMustHold(
    store.doc.send(
      new DeleteCommand({
        TableName: store.tableName,
        Key: keys.noticeKey(date, kind),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    ),
    `notice ${date} ${kind}`,
  );
}
