import type { Store } from '../../store/client';
import { listOrgUnits } from '../../store/org-units';
import { listStaff } from '../../store/staff';
import type { Directory, Person } from './ports';

/** Staff and org units, read once per run (a school has hundreds, not thousands). */
export async function loadDirectory(store: Store): Promise<Directory> {
  const [staff, units] = await Promise.all([listStaff(store), listOrgUnits(store)]);
  const byId = new Map<string, Person>(
    staff.map((s) => [s.staffId, { staffId: s.staffId, name: s.name, email: s.email }]),
  );
  const byRole = new Map<string, Person[]>();
  for (const s of staff) {
    for (const role of s.roles)
      byRole.set(role, [...(byRole.get(role) ?? []), byId.get(s.staffId) as Person]);
  }
  return {
    staff: (staffId) => byId.get(staffId),
    withRole: (role) => byRole.get(role) ?? [],
    orgUnits: units.map((u) => ({ id: u.orgUnitId, parentId: u.parentId, kind: u.kind, name: u.name })),
  };
}
