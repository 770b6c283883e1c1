import type { Store } from '../store/client';
import { unbindStaff } from '../store/staff-sign-in';
import type { ProvisioningPort } from '../usecases/provisioning/port';

/**
 * The local sign-in of `npm start` (`/api/auth/local/staff` and `/token`): its list is the
 * staff in the table less those whose account record (AP 51, written by the use case) is
 * disabled. A disabled staff member's binding goes too, as in AWS.
 */
export function localProvisioning(store: Store): ProvisioningPort {
  return {
    mode: 'local',
    async apply(_before, after) {
      if (!after.enabled) await unbindStaff(store, after.staffId);
    },
  };
}
