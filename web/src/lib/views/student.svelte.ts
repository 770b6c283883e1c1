import type { StudentPage } from '../../../../shared/api/student';

export interface Share {
  key: 'present' | 'authorized' | 'unauthorized';
  minutes: number;
  percent: number;
}

/** Present, authorized and unauthorized as shares of all registered minutes (for the pie). */
export function shares(totals: StudentPage['totals']): Share[] {
  const all = totals.presentMinutes + totals.authorizedMinutes + totals.unauthorizedMinutes;
  const pct = (m: number) => (all === 0 ? 0 : Math.round((m / all) * 1000) / 10);
  return [
    { key: 'present', minutes: totals.presentMinutes, percent: pct(totals.presentMinutes) },
    { key: 'authorized', minutes: totals.authorizedMinutes, percent: pct(totals.authorizedMinutes) },
    { key: 'unauthorized', minutes: totals.unauthorizedMinutes, percent: pct(totals.unauthorizedMinutes) },
  ];
}

type Week = StudentPage['weeks'][number];

/** An archived school year as the page shows it: its weeks newest first, its totals, its archive. */
export interface ArchivedYearView {
  schoolYear: string;
  weeksNewestFirst: Week[];
  totals: StudentPage['totals'];
  /** Lessons in the archive and the day they are erased; absent when the marker is not there. */
  archive?: { lessons: number; keptUntil: string };
}

/** The archived school years, newest first (the API lists them oldest first). */
export function archivedYears(page: Pick<StudentPage, 'years'>): ArchivedYearView[] {
  return [...(page.years ?? [])]
    .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))
    .map((y) => ({
      schoolYear: y.schoolYear,
      weeksNewestFirst: [...y.weeks].sort((a, b) => b.weekStart.localeCompare(a.weekStart)),
      totals: y.totals,
      ...(y.archive ? { archive: y.archive } : {}),
    }));
}

export class StudentView {
  page: StudentPage;
  shares = $derived.by(() => shares(this.page.totals));
  /** Weeks with anything registered, newest first for the table. */
  weeksNewestFirst = $derived.by(() => [...this.page.weeks].reverse());
  /** Earlier school years whose lessons are archived (issue #12), newest first. */
  years = $derived.by(() => archivedYears(this.page));

  constructor(page: StudentPage) {
    this.page = $state(page);
  }
}
