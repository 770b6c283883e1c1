import { isRole } from '../../auth/principal';
import type { Store } from '../../store/client';
import { listOrgUnits as listStoredUnits } from '../../store/org-units';
import { getStaffByEmail, getStaff as getStoredStaff, listStaff as listStoredStaff } from '../../store/staff';
import { getStudent as getStoredStudent, listStudentsByCoach } from '../../store/students';
import type { OrgUnitRecord, StaffRecord, StudentRecord } from '../ports';

/** Who is who: staff (sign-in, local sign-in), org units (scope) and students (scope, coach page). */

function staffRecord(s: {
  staffId: string;
  name: string;
  email: string;
  roles: string[];
  orgUnitIds: string[];
}) {
  return { ...s, roles: s.roles.filter(isRole) } satisfies StaffRecord;
}

/** Only the API record's fields: a stored student carries more (e-mail, birth date) than the API returns. */
export function studentRecord(s: StudentRecord): StudentRecord {
  const { studentId, displayName, teamId, coachId, level, pathway, routeX } = s;
  return { studentId, displayName, teamId, coachId, level, pathway, routeX };
}

export async function findStaffByEmail(store: Store, email: string): Promise<StaffRecord | null> {
  const s = await getStaffByEmail(store, email);
  return s ? staffRecord(s) : null;
}

export async function getStaff(store: Store, staffId: string): Promise<StaffRecord | null> {
  const s = await getStoredStaff(store, staffId);
  return s ? staffRecord(s) : null;
}

export async function listStaff(store: Store): Promise<StaffRecord[]> {
  return (await listStoredStaff(store)).map(staffRecord);
}

export async function listOrgUnits(store: Store): Promise<OrgUnitRecord[]> {
  return (await listStoredUnits(store)).map(
    (u): OrgUnitRecord => ({ orgUnitId: u.orgUnitId, name: u.name, kind: u.kind, parentId: u.parentId }),
  );
}

export async function getStudent(store: Store, studentId: string): Promise<StudentRecord | null> {
  const s = await getStoredStudent(store, studentId);
  return s ? studentRecord(s) : null;
}

/** The coach's current students (leavers drop off the coach's list). */
export async function listStudentsOfCoach(store: Store, coachId: string): Promise<StudentRecord[]> {
  return (await listStudentsByCoach(store, coachId)).filter((s) => !s.leftOn).map(studentRecord);
}
