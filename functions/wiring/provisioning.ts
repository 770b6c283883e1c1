import { z } from 'zod';
import { commonEnv } from '../config';
import { type ProvisioningMode, provisioningFor } from '../provisioning';
import { documentClient, type Store } from '../store/client';
import type { ProvisioningDeps } from '../usecases/provisioning/provision-staff';

/**
 * The provisioning function's environment (infra sets it): `cognito` creates accounts in the
 * user pool, `entra` keeps only the mapping of Entra identities to staff.
 */
export const provisioningEnv = commonEnv.extend({
  PROVISIONING_MODE: z.enum(['cognito', 'entra', 'local']).default('cognito'),
  COGNITO_USER_POOL_ID: z.string().optional(),
});
export type ProvisioningEnv = z.infer<typeof provisioningEnv>;

export interface ProvisioningOverrides {
  store?: Store;
  port?: ProvisioningDeps['port'];
  now?: () => Date;
}

export function createProvisioningDeps(
  env: ProvisioningEnv,
  overrides: ProvisioningOverrides = {},
): ProvisioningDeps {
  const store = overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME };
  return {
    store,
    port:
      overrides.port ??
      provisioningFor(env.PROVISIONING_MODE as ProvisioningMode, store, env.COGNITO_USER_POOL_ID),
    retentionYears: env.RETENTION_YEARS,
    now: overrides.now ?? (() => new Date()),
  };
}
