import { isRole, type Principal } from '../auth/principal';
import type { VerifiedIdentity } from '../auth/token-verifier';
import { SignInBoundElsewhere, StaffBoundElsewhere } from '../domain/staff-sign-in';
import { forbidden } from './errors';
import type { ApiData, StaffRecord } from './ports';

/**
 * Who a verified token is. The e-mail claim is trusted once only: on the first sign-in of an
 * identity, with `email_verified`, to find the staff member it is then bound to (one identity
 * per staff member, kept in the table). From then on the identity alone finds them, so an
 * e-mail address changed to a colleague's does not reach the colleague.
 */
export async function principalOf(data: ApiData, identity: VerifiedIdentity): Promise<Principal> {
  if (!identity.emailVerified) throw forbidden('e-mail address not verified');
  const staff = await boundStaff(data, identity);
  // A staff member who left the roster (provisioning disabled them) is refused even with a
  // token still valid, or one from Entra ID, whose accounts are not ours to disable.
  if (!(await data.signInEnabled(staff.staffId))) throw forbidden('this staff member may no longer sign in');
  return {
    staffId: staff.staffId,
    name: staff.name,
    email: staff.email,
    roles: rolesOf(identity, staff),
    orgUnitIds: staff.orgUnitIds,
  };
}

async function boundStaff(data: ApiData, identity: VerifiedIdentity): Promise<StaffRecord> {
  const boundId = await data.boundStaffId(identity.signIn);
  if (boundId !== null) {
    const staff = await data.getStaff(boundId);
    if (!staff) throw forbidden('no staff member for this sign-in');
    return staff;
  }
  const staff = await data.findStaffByEmail(identity.email);
  if (!staff) throw forbidden('no staff member for this sign-in');
  // Not bound while disabled: the binding would outlive the refusal.
  if (!(await data.signInEnabled(staff.staffId))) throw forbidden('this staff member may no longer sign in');
  try {
    await data.bindSignIn(identity.signIn, staff.staffId);
  } catch (error) {
    if (error instanceof StaffBoundElsewhere || error instanceof SignInBoundElsewhere) {
      throw forbidden('this staff member signs in with another account');
    }
    throw error;
  }
  return staff;
}

/**
 * For the pool's own users a role counts when both the sign-in (Cognito groups) and the presence
 * system grant it: either side taking it away ends it at the next request. A user federated from
 * Entra ID has no pool groups (provisioning keeps none in Entra mode): the roster, the source of
 * truth for roles, grants them alone, and taking them away there still ends them.
 */
function rolesOf(identity: VerifiedIdentity, staff: StaffRecord): Principal['roles'] {
  if (identity.federated) return staff.roles.filter(isRole);
  return identity.groups.filter(isRole).filter((r) => staff.roles.includes(r));
}
