import type { StaffData } from '../../shared/contract/events';
import type { Store } from './client';
import { byPartition, getItem, queryAll } from './dynamo';
import * as keys from './keys';
import { plain, versionedUpsert } from './versioned';

export type Staff = StaffData;

export async function putStaff(
  store: Store,
  staff: StaffData,
  meta: { version: number; eventIds: readonly string[] },
) {
  await versionedUpsert(
    store,
    keys.staffKey(staff.staffId),
    {
      type: 'staff',
      ...keys.staffEmailGsi1(staff.email, staff.staffId),
      ...keys.staffListGsi2(staff.staffId),
      staffId: staff.staffId,
      name: staff.name,
      email: staff.email,
      roles: staff.roles,
      orgUnitIds: staff.orgUnitIds,
    },
    { ...meta, what: `staff ${staff.staffId}` },
  );
}

/** Sign-in lookup; e-mail compared case-insensitively. */
export async function getStaffByEmail(store: Store, email: string): Promise<Staff | undefined> {
  const [item] = await queryAll(store, byPartition('gsi1', keys.staffEmailPk(email)));
  return item ? plain<Staff>(item) : undefined;
}

export async function listStaff(store: Store): Promise<Staff[]> {
  return (await queryAll(store, byPartition('gsi2', keys.staffListPk()))).map((i) => plain<Staff>(i));
}

/** AP 11: a staff member by id. */
export async function getStaff(store: Store, staffId: string): Promise<Staff | undefined> {
  const item = await getItem(store, keys.staffKey(staffId));
  return item ? plain<Staff>(item) : undefined;
}
