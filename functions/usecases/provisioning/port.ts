import type { StaffAccount } from '../../domain/staff-account';

/**
 * Where staff sign in: Cognito (accounts of the user pool), Entra ID (the school's own accounts;
 * only the mapping to staff is ours) or the local sign-in of `npm start`. One adapter per mode in
 * `functions/provisioning/`.
 */
export interface ProvisioningPort {
  readonly mode: 'cognito' | 'entra' | 'local';
  /**
   * Makes the sign-in side match `after`, knowing what was provisioned before (undefined: never).
   * Safe to repeat: a retry after a failure between this call and the account's record redoes it.
   */
  apply(before: StaffAccount | undefined, after: StaffAccount): Promise<void>;
}
