import type { OverviewKind } from '../../../../shared/api/overviews';

/** The filter of the "rapportages" page and the API query it makes. */
export class OverviewFilter {
  kind = $state<OverviewKind>('sixteen_hour');
  unitId = $state('');
  from = $state('');
  to = $state('');

  invalidRange = $derived(this.from !== '' && this.to !== '' && this.from > this.to);

  query(cursor?: string | null): string {
    const q = new URLSearchParams();
    if (this.unitId) q.set('unitId', this.unitId);
    if (this.from) q.set('from', this.from);
    if (this.to) q.set('to', this.to);
    if (cursor) q.set('cursor', cursor);
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  path(): string {
    return `/api/overviews/${this.kind}${this.query()}`;
  }

  csvPath(): string {
    return `/api/overviews/${this.kind}/csv${this.query()}`;
  }
}
