/**
 * Portal notices posted and withdrawn by the administrator on the dashboard, each date's notice
 * written with its audit entry in one transaction. A severe-weather notice counts for the
 * registrations the webhook classifies after it (the classification reads the notices' dates).
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
}
