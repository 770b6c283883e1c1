import type { PresenceEvent, StaffData } from '../../../shared/contract/events';
import { type ImportRow, importEventId, type Mapping } from '../../../shared/import';
import { listStaff } from '../../store/staff';
import { type ImportDeps, type RowReport, storeValidRows } from './import-rows';
import type { ImportSession } from './session';

/** A stored staff member a full staff list leaves out. */
export interface StaffLeaver {
  staffId: string;
  name: string;
}

/** The staff id each row names, as written (also when the row is refused for another field). */
export function staffIdsOfRows(mapping: Mapping, rows: readonly ImportRow[]): string[] {
  const columns = Object.entries(mapping.columns)
    .filter(([, field]) => field === 'staffId')
    .map(([column]) => column);
  const ids: string[] = [];
  for (const row of rows) {
    const id = columns.map((c) => row.cells[c]?.trim()).find(Boolean) ?? mapping.defaults?.staffId?.trim();
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * The import of a complete staff list: whoever is stored with roles and is not in it has left.
 * The contract says so with `staff.upserted` and no roles, sent here through the same ingestion
 * as the rows (provisioning then disables the account). Its id is derived from its content, so
 * importing the same list again sends nothing new. A dry run only names them.
 */
export async function disableStaffNotListed(
  deps: ImportDeps,
  session: ImportSession,
  options: { dryRun: boolean; occurredAt: string },
): Promise<StaffLeaver[]> {
  if (session.staffIds.size === 0) throw new EmptyStaffListError();
  const leavers = (await listStaff(deps.ingest.store))
    .filter((s) => s.roles.length > 0 && !session.staffIds.has(s.staffId))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.staffId.localeCompare(b.staffId));
  if (options.dryRun || leavers.length === 0) return leavers.map(leaverOf);

  const reports: RowReport[] = leavers.map((s) => {
    const data: StaffData = {
      staffId: s.staffId,
      name: s.name,
      email: s.email,
      roles: [],
      orgUnitIds: s.orgUnitIds,
    };
    const event = {
      id: importEventId('staff', data),
      type: 'staff.upserted',
      occurredAt: options.occurredAt,
      data,
    };
    return { line: 0, outcome: 'valid', event: event as PresenceEvent };
  });
  await storeValidRows(deps, reports);
  // A newer version of someone stored meanwhile (`stale`) was not disabled.
  return reports.flatMap((r, i) => {
    const leaver = leavers[i];
    return r.outcome === 'applied' && leaver ? [leaverOf(leaver)] : [];
  });
}

const leaverOf = ({ staffId, name }: StaffLeaver): StaffLeaver => ({ staffId, name });

/** A full staff list without a single staff member would disable everyone: refused. */
export class EmptyStaffListError extends Error {
  constructor() {
    super('the full staff list names no staff member; nobody is disabled');
    this.name = 'EmptyStaffListError';
  }
}
