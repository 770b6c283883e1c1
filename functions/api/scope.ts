import type { Principal } from '../auth/principal';
import { hasRole } from '../auth/principal';
import type { OrgUnitRecord, StudentRecord } from './ports';

/** The unit ids named plus everything below them in the org tree. */
export function unitsBelow(units: readonly OrgUnitRecord[], roots: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.orgUnitId);
    children.set(u.parentId, list);
  }
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return seen;
}

/** The attendance officer sees the whole institution; the administrator sees no student data. */
export function seesWholeInstitution(p: Principal): boolean {
  return hasRole(p, 'attendance_officer');
}

/** Whether this person may see this student's data (policy: each role only its own students). */
export function canSeeStudent(
  p: Principal,
  student: StudentRecord,
  units: readonly OrgUnitRecord[],
): boolean {
  if (seesWholeInstitution(p)) return true;
  if (hasRole(p, 'coach') && student.coachId === p.staffId) return true;
  if (hasRole(p, 'manager') && unitsBelow(units, p.orgUnitIds).has(student.teamId)) return true;
  return false;
}

/** Whether this person may look at a unit (KPI drill-down, overviews filtered by unit). */
export function canSeeUnit(p: Principal, unitId: string, units: readonly OrgUnitRecord[]): boolean {
  if (seesWholeInstitution(p)) return true;
  if (hasRole(p, 'manager')) return unitsBelow(units, p.orgUnitIds).has(unitId);
  return false;
}

/** Units this person's KPI view starts from; `null` means the whole tree. */
export function visibleUnitIds(p: Principal, units: readonly OrgUnitRecord[]): Set<string> | null {
  if (seesWholeInstitution(p)) return null;
  if (hasRole(p, 'manager')) return unitsBelow(units, p.orgUnitIds);
  return new Set();
}
