import type { PortalNoticeData } from '../../shared/contract/events';
import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { byPartition, queryAll } from './dynamo';
import * as keys from './keys';
import { plain, versionedUpsert } from './versioned';

export type PortalNotice = PortalNoticeData;

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
