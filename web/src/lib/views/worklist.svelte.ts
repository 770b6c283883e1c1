import { type PathQuery, pathOf } from '../../../../shared/api/paths';
import type { Task, Worklist } from '../../../../shared/api/worklist';
import type { DashboardKey } from '../../../../shared/i18n';
import { dashboardPath } from '../../../../shared/links';

/** The worklist's filters as the URL holds them (`#/werklijst?kind=..&unitId=..&owner=..`). */
export interface WorklistFilters {
  kind: string;
  unitId: string;
  /** `mine`, `nobody`, a colleague's staff id, or '' for anyone. */
  owner: string;
}

/**
 * The worklist page's filter. A change goes into the URL (`hash()`), which re-opens the page
 * with it: the URL is the one place the filter lives, so a filtered list can be bookmarked or
 * shared, and nothing of the previous list (a "saved" notice) stays on screen.
 */
export class WorklistFilter {
  kind = $state('');
  unitId = $state('');
  owner = $state('');

  constructor(initial: WorklistFilters) {
    this.kind = initial.kind;
    this.unitId = initial.unitId;
    this.owner = initial.owner;
  }

  private filters(): PathQuery<'worklistCsv'> {
    return { kind: this.kind, unitId: this.unitId, owner: this.owner };
  }

  /** The API query of a page; empty filters are left out. */
  query(cursor?: string | null): PathQuery<'worklist'> {
    return { ...this.filters(), cursor };
  }

  csvPath(): string {
    return pathOf('worklistCsv', {}, this.filters());
  }

  hash(): string {
    return dashboardPath.worklist({ kind: this.kind, unitId: this.unitId, owner: this.owner });
  }
}

/** The page title: the front office has its own list of corrections. */
export function worklistTitle(roles: readonly string[]): DashboardKey {
  return !roles.includes('attendance_officer') && roles.includes('front_office')
    ? 'worklist.frontOfficeTitle'
    : 'worklist.title';
}

/** Colleagues who can own this task: staff of its role. */
export function ownersFor(
  task: Pick<Task, 'role'>,
  colleagues: Worklist['colleagues'],
): Worklist['colleagues'] {
  return colleagues.filter((c) => c.roles.includes(task.role));
}
