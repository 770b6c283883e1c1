import type { IsoDate } from '../../shared/policy/types';
import type { Store } from './client';
import { batchPut, byPartition, type Item, queryAll } from './dynamo';
import * as keys from './keys';

/** Minutes missed with one reason in a week, as classified. */
export interface ReasonMinutes {
  authorized: number;
  unauthorized: number;
}

/** One school week of a student whose lessons of that week are archived (AP 71). */
export interface WeekTotals {
  studentId: string;
  /** The archived school year the week belongs to (`2025-26`). */
  schoolYear: string;
  /** Monday of the week. */
  weekStart: IsoDate;
  schoolDays: number;
  lessons: number;
  lessonMinutes: number;
  presentMinutes: number;
  authorizedMinutes: number;
  unauthorizedMinutes: number;
  unauthorizedAbsentLessons: number;
  unauthorizedLateOrEarly: number;
  sickDays: number;
  minutesByReason: Record<string, ReasonMinutes>;
}

/** A student's archived school year (AP 72): where its lessons are and until when they are kept. */
export interface LessonArchive {
  studentId: string;
  schoolYear: string;
  objectKey: string;
  /** Live lessons and tombstones in the object. */
  lessons: number;
  tombstones: number;
  weeks: number;
  archivedAt: string;
  expiresAt: number;
}

const WEEK_FIELDS = [
  'schoolDays',
  'lessons',
  'lessonMinutes',
  'presentMinutes',
  'authorizedMinutes',
  'unauthorizedMinutes',
  'unauthorizedAbsentLessons',
  'unauthorizedLateOrEarly',
  'sickDays',
] as const;

export function toWeekTotals(item: Item): WeekTotals {
  const week = {
    studentId: item.studentId as string,
    schoolYear: item.schoolYear as string,
    weekStart: item.weekStart as IsoDate,
    minutesByReason: JSON.parse((item.minutesByReason as string | undefined) ?? '{}'),
  } as WeekTotals;
  for (const f of WEEK_FIELDS) week[f] = Number(item[f] ?? 0);
  return week;
}

/** Week totals and the archive marker, in one batch: the same `expiresAt` on all (the lessons'). */
export async function putArchiveSummary(
  store: Store,
  weeks: readonly WeekTotals[],
  archive: LessonArchive,
): Promise<void> {
  const weekItems: Item[] = weeks.map(({ minutesByReason, ...w }) => ({
    ...keys.weekTotalsKey(w.studentId, w.weekStart),
    type: 'week-totals',
    ...w,
    minutesByReason: JSON.stringify(minutesByReason),
    expiresAt: archive.expiresAt,
  }));
  const marker: Item = {
    ...keys.lessonArchiveKey(archive.studentId, archive.schoolYear),
    type: 'lesson-archive',
    ...archive,
  };
  await batchPut(store, [...weekItems, marker]);
}

/** A student's archived week totals for weeks starting from `from` to `to`, oldest first (AP 71). */
export async function listWeekTotals(
  store: Store,
  studentId: string,
  from = '0000-00-00',
  to = '9999-12-31',
): Promise<WeekTotals[]> {
  const items = await queryAll(
    store,
    byPartition('table', keys.studentPk(studentId), keys.weekTotalsRange(from, to)),
  );
  return items.map(toWeekTotals);
}

export const toLessonArchive = (item: Item): LessonArchive => ({
  studentId: item.studentId as string,
  schoolYear: item.schoolYear as string,
  objectKey: item.objectKey as string,
  lessons: Number(item.lessons),
  tombstones: Number(item.tombstones),
  weeks: Number(item.weeks),
  archivedAt: item.archivedAt as string,
  expiresAt: Number(item.expiresAt),
});

/** A student's archived school years, oldest first (AP 72). */
export async function listLessonArchives(store: Store, studentId: string): Promise<LessonArchive[]> {
  const items = await queryAll(
    store,
    byPartition('table', keys.studentPk(studentId), { prefix: keys.LESSON_ARCHIVE_PREFIX }),
  );
  return items.map(toLessonArchive);
}
