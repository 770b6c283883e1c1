/**
 * The archive object's format (AP 73): one registration a line, as stored when it left the table
 * (live with its facts and classification, or a tombstone), gzip-compressed. A rerun merges the
 * object it finds with what is still in the table, so a run cut short between the object and
 * the deletes loses nothing.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { IsoDate } from '../../../shared/policy/types';
import type { ClassifiedRegistration, StoredRegistration } from '../../store/registrations';

export interface ArchivedRegistration {
  registrationId: string;
  revision: number;
  deleted: boolean;
  studentId?: string;
  date?: IsoDate;
  placedAt?: number;
  /** The lesson and its classification, while live. */
  live?: ClassifiedRegistration;
  eventIds: string[];
  expiresAt: number;
}

export const toLine = (r: StoredRegistration): ArchivedRegistration => ({
  registrationId: r.registrationId,
  revision: r.revision,
  deleted: r.deleted,
  ...(r.studentId ? { studentId: r.studentId } : {}),
  ...(r.date ? { date: r.date } : {}),
  ...(r.placedAt !== undefined ? { placedAt: r.placedAt } : {}),
  ...(r.live ? { live: r.live } : {}),
  eventIds: [...r.eventIds],
  expiresAt: r.expiresAt,
});

const order = (a: ArchivedRegistration, b: ArchivedRegistration) =>
  `${a.date ?? ''}#${a.live?.start ?? ''}#${a.registrationId}`.localeCompare(
    `${b.date ?? ''}#${b.live?.start ?? ''}#${b.registrationId}`,
  );

/** The lines of both, one per registration: the table's version over the object's. */
export function mergeLines(
  archived: readonly ArchivedRegistration[],
  fromTable: readonly ArchivedRegistration[],
): ArchivedRegistration[] {
  const byId = new Map(archived.map((l) => [l.registrationId, l]));
  for (const l of fromTable) byId.set(l.registrationId, l);
  return [...byId.values()].sort(order);
}

export const encodeLines = (lines: readonly ArchivedRegistration[]): Uint8Array =>
  gzipSync(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));

export function decodeLines(body: Uint8Array | undefined): ArchivedRegistration[] {
  if (!body) return [];
  return gunzipSync(body)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as ArchivedRegistration);
}
