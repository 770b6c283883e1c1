import type { StudentPage } from '../../../shared/api/student';
import type { Store } from '../../store/client';
import { listLessonArchives, listWeekTotals } from '../../store/week-totals';

type ArchivedYears = NonNullable<StudentPage['years']>;

/**
 * A student's archived school years as the page shows weeks: present, authorized and unauthorized
 * minutes per week from the week totals (AP 71), which the archive computed with the page's own
 * arithmetic from the lessons it moved, with the marker's lesson count and expiry (AP 72); oldest
 * year first.
 */
export async function archivedYears(store: Store, studentId: string): Promise<ArchivedYears> {
  const years = new Map<string, ArchivedYears[number]>();
  const [weeks, markers] = await Promise.all([
    listWeekTotals(store, studentId),
    listLessonArchives(store, studentId),
  ]);
  for (const w of weeks) {
    const year = years.get(w.schoolYear) ?? {
      schoolYear: w.schoolYear,
      weeks: [],
      totals: { presentMinutes: 0, authorizedMinutes: 0, unauthorizedMinutes: 0 },
    };
    years.set(w.schoolYear, year);
    const { weekStart, presentMinutes, authorizedMinutes, unauthorizedMinutes } = w;
    year.weeks.push({ weekStart, presentMinutes, authorizedMinutes, unauthorizedMinutes });
    year.totals.presentMinutes += presentMinutes;
    year.totals.authorizedMinutes += authorizedMinutes;
    year.totals.unauthorizedMinutes += unauthorizedMinutes;
  }
  // The marker's expiry is the archived lessons' own (the student's retention; docs/privacy.md).
  for (const m of markers) {
    const year = years.get(m.schoolYear);
    if (year)
      year.archive = {
        lessons: m.lessons,
        keptUntil: new Date(m.expiresAt * 1000).toISOString().slice(0, 10),
      };
  }
  return [...years.values()].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}
