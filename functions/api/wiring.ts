import { cognitoTokenVerifier } from '../auth/cognito-verifier';
import { loadOrCreateLocalKey } from '../auth/local-keys';
import { localTokenVerifier } from '../auth/local-verifier';
import type { Store } from '../store/client';
import { type ApiDeps, createApi } from './app';
import { type ApiEnv, localKeyFile } from './config';
import { storeApiData } from './store/api-data';
import { storeWrites } from './store/writes';

/** Builds the API for a store and a configuration: Cognito tokens in AWS, local ES256 tokens locally. */
export async function buildApi(env: ApiEnv, store: Store, now?: () => Date) {
  const data = storeApiData(store, storeWrites(store));
  let deps: ApiDeps;
  if (env.AUTH_MODE === 'cognito') {
    deps = {
      data,
      verifier: cognitoTokenVerifier(env.COGNITO_USER_POOL_ID as string, env.COGNITO_CLIENT_ID as string),
    };
  } else {
    const key = await loadOrCreateLocalKey({
      privateJwkJson: env.LOCAL_AUTH_PRIVATE_JWK,
      keyFile: localKeyFile(env),
    });
    deps = { data, verifier: localTokenVerifier([key.publicJwk]), localSigningKey: key.privateJwk };
  }
  return createApi(now ? { ...deps, now } : deps);
}
