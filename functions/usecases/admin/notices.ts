/**
 * Portal notices posted and withdrawn by the administrator on the dashboard, each date's notice
 * written with its audit entry in one transaction. A severe-weather notice counts at once, as
 * one from the webhook (`portal.notice`) does: that date's stored severe-weather registrations
 * are reclassified with it (posted) or without it (withdrawn), before and again after it is
 * stored, and the registrations the webhook classifies later read it from the notices' dates
 * (ingest/severe-weather.ts says why twice).
 */
import { addDays } from '../../../shared/calendar';
import { localDate } from '../../domain/dates';
import { auditItem } from '../../store/audit-repository';
import {
  deletePortalNotice,
  getPortalNotice,
  type PortalNotice,
  putAdminNotice,
} from '../../store/portal-notices';
import { dateItemExpiry } from '../../store/retention';
import { commitWith } from '../effects/commit';
import { reclassifyForNotice } from '../ingest/severe-weather';
import { NoticeNotFound } from './errors';
import type { AdminDeps } from './school-settings';

export interface NoticePost {
  from: string;
  /** The last date (inclusive); absent: `from` alone. */
  to?: string;
  kind: 'severe_weather' | 'info';
  text: string;
  textEn?: string;
}

/** The dates of a post, from `from` to `to`. */
export function datesOf(post: Pick<NoticePost, 'from' | 'to'>): string[] {
  const dates: string[] = [];
  for (let d = post.from; d <= (post.to ?? post.from); d = addDays(d, 1)) dates.push(d);
  return dates;
}

export async function postNotice(
  deps: AdminDeps,
  post: NoticePost,
  by: string,
  now: Date,
): Promise<{ dates: string[] }> {
  const dates = datesOf(post);
  for (const date of dates) {
    await underNotice(deps, { date, kind: post.kind, noticed: true, now }, async () => {
      const before = await getPortalNotice(deps.store, date, post.kind);
      const notice: PortalNotice = {
        date,
        kind: post.kind,
        text: post.text,
        ...(post.textEn ? { textEn: post.textEn } : {}),
        source: 'admin',
      };
      const expiresAt = dateItemExpiry(date, deps.retentionYears);
      const entry = {
        entity: 'notice' as const,
        entityId: `${date}#${post.kind}`,
        at: now.toISOString(),
        by,
        what: 'notice posted',
        before,
        after: notice,
      };
      await commitWith(
        { store: deps.store },
        { items: [auditItem(deps.store, entry, dateItemExpiry(localDate(now), deps.retentionYears))] },
        (store) => putAdminNotice(store, notice, { postedAt: now, expiresAt }),
      );
    });
  }
  return { dates };
}

export async function withdrawNotice(
  deps: AdminDeps,
  date: string,
  kind: string,
  by: string,
  now: Date,
): Promise<void> {
  // Nothing to withdraw: refused before anything is reclassified.
  if (!(await getPortalNotice(deps.store, date, kind))) throw new NoticeNotFound(date, kind);
  await underNotice(deps, { date, kind, noticed: false, now }, async () => {
    const before = await getPortalNotice(deps.store, date, kind);
    if (!before) throw new NoticeNotFound(date, kind);
    const entry = {
      entity: 'notice' as const,
      entityId: `${date}#${kind}`,
      at: now.toISOString(),
      by,
      what: 'notice withdrawn',
      before,
      after: null,
    };
    await commitWith(
      { store: deps.store },
      { items: [auditItem(deps.store, entry, dateItemExpiry(localDate(now), deps.retentionYears))] },
      (store) => deletePortalNotice(store, date, kind),
    );
  });
}

/** Only a severe-weather notice changes a classification: its registrations are reclassified around it. */
function underNotice(
  deps: AdminDeps,
  change: { date: string; kind: string; noticed: boolean; now: Date },
  commit: () => Promise<void>,
): Promise<void> {
  if (change.kind !== 'severe_weather') return commit();
  const ingest = { store: deps.store, retentionYears: deps.retentionYears, now: () => change.now };
  return reclassifyForNotice(ingest, change.date, change.noticed, commit);
}
