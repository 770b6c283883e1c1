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

export class StudentView {
  page: StudentPage;
  shares = $derived.by(() => shares(this.page.totals));
  /** Weeks with anything registered, newest first for the table. */
  weeksNewestFirst = $derived.by(() => [...this.page.weeks].reverse());

  constructor(page: StudentPage) {
    this.page = $state(page);
  }
}
