import type { OverviewKind } from '../../../../shared/api/overviews';
import { type PathQuery, pathOf } from '../../../../shared/api/paths';

/** The filter of the "rapportages" page and the API query it makes. */
export class OverviewFilter {
  kind = $state<OverviewKind>('sixteen_hour');
  unitId = $state('');
  from = $state('');
  to = $state('');

  invalidRange = $derived(this.from !== '' && this.to !== '' && this.from > this.to);

  /** The query of the overview; empty values are left out of the URL. */
  query(cursor?: string | null): PathQuery<'overview'> {
    return { ...this.filters(), cursor };
  }

  private filters(): PathQuery<'overviewCsv'> {
    return { unitId: this.unitId, from: this.from, to: this.to };
  }

  path(): string {
    return pathOf('overview', { kind: this.kind }, this.query());
  }

  csvPath(): string {
    return pathOf('overviewCsv', { kind: this.kind }, this.filters());
  }
}
