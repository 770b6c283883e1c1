import type { StaffData } from '../../shared/contract/events';

/**
 * The sign-in account a staff member should have, derived from the roster: enabled while the
 * presence system gives them a role, their roles as groups. `staff.upserted` with no roles is how
 * the contract (which has no `staff.deleted`) says that someone left: their account is disabled.
 */
export interface StaffAccount {
  staffId: string;
  email: string;
  name: string;
  groups: string[];
  enabled: boolean;
}

export type AccountChange = 'created' | 'updated' | 'disabled' | 'enabled';

export function accountOf(staff: Pick<StaffData, 'staffId' | 'email' | 'name' | 'roles'>): StaffAccount {
  return {
    staffId: staff.staffId,
    email: staff.email.trim().toLowerCase(),
    name: staff.name,
    groups: [...new Set(staff.roles)].sort(),
    enabled: staff.roles.length > 0,
  };
}

/**
 * What provisioning `after` over `before` (undefined: never provisioned) is, or null when it
 * changes nothing: a repeated event, or someone without roles who never had an account.
 */
export function accountChange(before: StaffAccount | undefined, after: StaffAccount): AccountChange | null {
  if (!before) return after.enabled ? 'created' : null;
  if (before.enabled && !after.enabled) return 'disabled';
  if (!before.enabled && after.enabled) return 'enabled';
  if (!after.enabled) return null;
  const same =
    before.email === after.email &&
    before.name === after.name &&
    before.groups.length === after.groups.length &&
    before.groups.every((g, i) => g === after.groups[i]);
  return same ? null : 'updated';
}
