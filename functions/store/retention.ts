import type { IsoDate } from '../../shared/policy/types';

/** Extra years on top of the retention period while a student's leave date is unknown. */
export const PROVISIONAL_EXTRA_YEARS = 10;

const epochSeconds = (date: IsoDate, plusYears: number): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC((y ?? 1970) + plusYears, (m ?? 1) - 1, d ?? 1) / 1000);
};

export interface RetentionBasis {
  leftOn?: IsoDate | null;
  enrolledUntil?: IsoDate | null;
}

/** The date retention counts from: the day the student left, or else the end of enrolment. */
export const retentionBase = (student: RetentionBasis | undefined): IsoDate | undefined =>
  student?.leftOn ?? student?.enrolledUntil ?? undefined;

/**
 * `expiresAt` (epoch seconds) of an item about a student: RETENTION_YEARS after the student
 * left; while that is unknown, a provisional expiry far enough out to outlive any enrolment
 * (rewritten when `student.left` arrives). `itemDate` is the item's own date, or today.
 */
export function studentItemExpiry(
  student: RetentionBasis | undefined,
  itemDate: IsoDate,
  retentionYears: number,
): number {
  const base = retentionBase(student);
  if (base) return epochSeconds(base, retentionYears);
  return epochSeconds(itemDate, retentionYears + PROVISIONAL_EXTRA_YEARS);
}

/** `expiresAt` of an item that is about a date only (portal notices, KPI snapshots). */
export const dateItemExpiry = (date: IsoDate, retentionYears: number): number =>
  epochSeconds(date, retentionYears);

export const DAY_SECONDS = 86_400;
/** `expiresAt` a number of days after `now`. */
export const expiryAfterDays = (now: Date, days: number): number =>
  Math.floor(now.getTime() / 1000) + days * DAY_SECONDS;
