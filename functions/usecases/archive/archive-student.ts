import type { SchoolCalendar } from '../../../shared/calendar';
import { localDate } from '../../../shared/calendar/school-time';
import type { ObjectStore } from '../../archive/object-store';
import { closedYears, yearSpan } from '../../domain/archive-years';
import { deleteRegistrations, listRegistrationItemsIn } from '../../store/archive-registrations';
import type { Store } from '../../store/client';
import * as keys from '../../store/keys';
import type { ClassifiedRegistration } from '../../store/registrations';
import { putArchiveSummary } from '../../store/week-totals';
import { currentCalendar } from '../admin/school-settings';
import { decodeLines, encodeLines, mergeLines, toLine } from './lesson-lines';
import { hasOpenWorkIn } from './open-refs';
import { weekTotalsOf } from './week-totals';

export interface ArchiveDeps {
  store: Store;
  objects: ObjectStore;
  now: () => Date;
  /** The school's calendar; the one in force (stored edit or bundled) when absent. */
  calendar?: SchoolCalendar;
}

export interface ArchivedYear {
  schoolYear: string;
  /** Registration items moved out of the table (0: nothing left to move). */
  moved: number;
  /** Left in the table: an open report, task or case refers to a day of this year. */
  heldBack?: 'open-work';
}

/**
 * Moves a student's closed school years out of the hot table, one year at a time: the year's
 * registration items (live and tombstones) into one object, merged with an object a cut-short
 * run left; then the year's week totals and its marker; then the deletes. Each step is safe to
 * repeat and the object is written before anything is deleted, so a retry after any step finds
 * every lesson in the table or in the object; a rerun on a moved year reads nothing to move.
 */
export async function archiveStudent(deps: ArchiveDeps, studentId: string): Promise<ArchivedYear[]> {
  const calendar = deps.calendar ?? (await currentCalendar(deps.store));
  const today = localDate(deps.now());
  const out: ArchivedYear[] = [];
  for (const year of closedYears(calendar, today)) {
    const span = yearSpan(calendar, year);
    const items = await listRegistrationItemsIn(deps.store, studentId, span.from, span.to);
    if (items.length === 0) continue;
    if (await hasOpenWorkIn(deps.store, studentId, span)) {
      out.push({ schoolYear: year.id, moved: 0, heldBack: 'open-work' });
      continue;
    }
    const objectKey = keys.lessonArchiveObjectKey(studentId, year.id);
    const lines = mergeLines(decodeLines(await deps.objects.get(objectKey)), items.map(toLine));
    await deps.objects.put(objectKey, encodeLines(lines));
    const lessons = lines.flatMap((l): ClassifiedRegistration[] => (l.live ? [l.live] : []));
    const weeks = weekTotalsOf(lessons).map((w) => ({ ...w, studentId, schoolYear: year.id }));
    await putArchiveSummary(deps.store, weeks, {
      studentId,
      schoolYear: year.id,
      objectKey,
      lessons: lessons.length,
      tombstones: lines.length - lessons.length,
      weeks: weeks.length,
      archivedAt: deps.now().toISOString(),
      // The lessons' own retention: the latest of them (they share the student's after a rewrite).
      expiresAt: Math.max(...lines.map((l) => l.expiresAt)),
    });
    await deleteRegistrations(
      deps.store,
      items.map((i) => i.registrationId),
    );
    out.push({ schoolYear: year.id, moved: items.length });
  }
  return out;
}
