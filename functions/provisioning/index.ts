import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Store } from '../store/client';
import type { ProvisioningPort } from '../usecases/provisioning/port';
import { cognitoProvisioning } from './cognito';
import { entraProvisioning } from './entra';
import { localProvisioning } from './local';

export type ProvisioningMode = ProvisioningPort['mode'];

/** The adapter of a mode; Cognito needs its user pool. */
export function provisioningFor(mode: ProvisioningMode, store: Store, userPoolId?: string): ProvisioningPort {
  switch (mode) {
    case 'cognito':
      if (!userPoolId) throw new Error('PROVISIONING_MODE=cognito needs COGNITO_USER_POOL_ID');
      return cognitoProvisioning(new CognitoIdentityProviderClient({}), userPoolId);
    case 'entra':
      return entraProvisioning(store);
    case 'local':
      return localProvisioning(store);
  }
}
