import type { PathQuery } from '../../../../shared/api/paths';
import type { LetterRef } from '../../../../shared/api/tasks';
import { dashboardPath } from '../../../../shared/links';

/**
 * The period of the auditor's archive of letters (`#/brieven?from=..&to=..`). As on the worklist,
 * the URL is the one place the filter lives: applying it opens the page anew with it, so a period
 * can be bookmarked for the auditor. Empty dates leave the API's default: this school year so far.
 */
export class LettersFilter {
  from = $state('');
  to = $state('');

  /** A period that ends before it starts is not sent. */
  valid = $derived(this.from === '' || this.to === '' || this.from <= this.to);

  constructor(initial: { from: string; to: string }) {
    this.from = initial.from;
    this.to = initial.to;
  }

  query(): PathQuery<'letters'> {
    return { from: this.from || null, to: this.to || null };
  }

  hash(): string {
    return dashboardPath.letters({ from: this.from, to: this.to });
  }
}

/** Newest first (the API answers oldest first); letters of one day by student name. */
export function lettersNewestFirst(items: readonly LetterRef[]): LetterRef[] {
  return [...items].sort(
    (a, b) =>
      b.createdOn.localeCompare(a.createdOn) ||
      (a.student?.displayName ?? '').localeCompare(b.student?.displayName ?? '') ||
      a.letterId.localeCompare(b.letterId),
  );
}
