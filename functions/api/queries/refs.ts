import type { StudentRef } from '../../../shared/api/common';
import type { Store } from '../../store/client';
import { listOrgUnits } from '../../store/org-units';
import { batchGetStudents } from '../../store/students';

/** The ids of every team: what "the whole institution" means for a list read per team. */
export async function allTeamIds(store: Store): Promise<string[]> {
  return (await listOrgUnits(store)).filter((u) => u.kind === 'team').map((u) => u.orgUnitId);
}

/** Looks the students up once; the returned function names each (null for one not found). */
export async function studentRefs(store: Store, ids: readonly string[]) {
  const found = await batchGetStudents(store, [...new Set(ids)]);
  const ref = (id: string): StudentRef | null => {
    const s = found.get(id);
    return s
      ? { studentId: s.studentId, displayName: s.displayName, teamId: s.teamId, coachId: s.coachId }
      : null;
  };
  // From the same read: whether the student is on Route-X, to label what is about them.
  return Object.assign(ref, { routeX: (id: string): boolean => found.get(id)?.routeX === true });
}
