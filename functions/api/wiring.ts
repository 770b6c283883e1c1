import { cognitoTokenVerifier } from '../auth/cognito-verifier';
import { loadOrCreateLocalKey } from '../auth/local-keys';
import { localTokenVerifier } from '../auth/local-verifier';
import { eventBusFor } from '../events';
import { createOutbox } from '../mail/outbox';
import type { Mailer } from '../mail/ses-mailer';
import type { Store } from '../store/client';
import type { ReportDeps } from '../usecases/reports/actions';
import { type ApiDeps, createApi } from './app';
import { type ApiEnv, DEFAULT_RETENTION_YEARS, localKeyFile } from './config';
import { storeApiData } from './store/api-data';
import { reportCommands } from './store/writes';

/**
 * The API records task mails in the outbox and the nightly run sends them: the API function has
 * no SES permission, so a send from here would be a bug, not a delay.
 */
const noSending: Mailer = {
  send: () => Promise.reject(new Error('the API records mails; the nightly run sends them')),
};

/** What the report use cases need, built once per cold start with the API. */
export function apiReportDeps(
  env: Pick<ApiEnv, 'DASHBOARD_URL' | 'EVENT_BUS_NAME'> & Partial<Pick<ApiEnv, 'RETENTION_YEARS'>>,
  store: Store,
): ReportDeps {
  return {
    store,
    outbox: createOutbox({ store, mailer: noSending }),
    bus: eventBusFor(env.EVENT_BUS_NAME),
    dashboardUrl: env.DASHBOARD_URL,
    retentionYears: env.RETENTION_YEARS ?? DEFAULT_RETENTION_YEARS,
  };
}

/** Builds the API for a store and a configuration: Cognito tokens in AWS, local ES256 tokens locally. */
export async function buildApi(env: ApiEnv, store: Store, now?: () => Date) {
  const data = storeApiData(store, reportCommands(apiReportDeps(env, store)), env.RETENTION_YEARS);
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
