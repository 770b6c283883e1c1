import type { OverviewRow } from '../../../../shared/api/overviews';
import type { DashboardKey, Lang } from '../../../../shared/i18n';

export type OverviewColumn = 'student' | 'team' | 'date' | 'detail' | 'minutes';

/** The overview's columns in order, each with its label. */
export const OVERVIEW_COLUMNS: readonly { key: OverviewColumn; label: DashboardKey }[] = [
  { key: 'student', label: 'coach.student' },
  { key: 'team', label: 'common.team' },
  { key: 'date', label: 'common.date' },
  { key: 'detail', label: 'overviews.detail' },
  { key: 'minutes', label: 'overviews.minutes' },
];

const LOCALE: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "39,5 %" in Dutch, "39.5 %" in English: the dashboard's language decides the notation. */
export function formatPercent(lang: Lang, value: number): string {
  return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(value)} %`;
}

/** The detail cell: the presence figure in the reader's notation, otherwise the term in words. */
export function detailText(row: OverviewRow, lang: Lang, term: (value: string) => string): string {
  return row.percentage === undefined ? term(row.detail) : formatPercent(lang, row.percentage);
}

type Direction = 'ascending' | 'descending';

/**
 * The overview's sort: a column header toggles ascending, then descending; `ariaSort` is what the
 * header announces. Rows come from the server in student order; this sorts the rows loaded.
 */
export class OverviewSort {
  column = $state<OverviewColumn | null>(null);
  direction = $state<Direction>('ascending');

  toggle(column: OverviewColumn): void {
    if (this.column === column) {
      this.direction = this.direction === 'ascending' ? 'descending' : 'ascending';
      return;
    }
    this.column = column;
    this.direction = 'ascending';
  }

  ariaSort(column: OverviewColumn): Direction | 'none' {
    return this.column === column ? this.direction : 'none';
  }

  sorted(rows: readonly OverviewRow[], lang: Lang): OverviewRow[] {
    const column = this.column;
    if (!column) return [...rows];
    const collator = new Intl.Collator(LOCALE[lang], { numeric: true });
    const sign = this.direction === 'ascending' ? 1 : -1;
    const value = (r: OverviewRow): string | number | null => {
      switch (column) {
        case 'student':
          return r.student.displayName;
        case 'team':
          return r.teamName ?? r.student.teamId;
        case 'date':
          return r.date;
        case 'detail':
          return r.percentage ?? r.detail;
        case 'minutes':
          return r.minutes;
      }
    };
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      // Empty cells last, whichever the direction.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * order;
    });
  }
}
