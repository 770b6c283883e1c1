import type { Store } from '../store/client';
import { unbindStaff } from '../store/staff-sign-in';
import type { ProvisioningPort } from '../usecases/provisioning/port';

/**
 * The school signs in with Entra ID: its accounts are the school's, none is created here. What
 * is ours is the mapping of an Entra identity to a staff member (bound on first sign-in,
 * AP 41/42) and the account record the API checks on every request: a staff member who is
 * disabled loses their binding and is refused even with a valid Entra token.
 */
export function entraProvisioning(store: Store): ProvisioningPort {
  return {
    mode: 'entra',
    async apply(_before, after) {
      if (!after.enabled) await unbindStaff(store, after.staffId);
    },
  };
}
