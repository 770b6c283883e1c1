import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { ApiDeps } from '../api/app';
import { type ApiEnv, DEFAULT_RETENTION_YEARS, localKeyFile } from '../api/config';
import { storeApiData } from '../api/store/api-data';
import { importPort } from '../api/store/imports';
import { reportCommands } from '../api/store/writes';
import { fileObjectStore } from '../archive/local-object-store';
import type { ObjectStore } from '../archive/object-store';
import { s3ObjectStore } from '../archive/s3-object-store';
import { cognitoTokenVerifier } from '../auth/cognito-verifier';
import { loadOrCreateLocalKey } from '../auth/local-keys';
import { localTokenVerifier } from '../auth/local-verifier';
import { type EventBus, eventBusFor } from '../events';
import { createOutbox } from '../mail/outbox';
import type { Mailer } from '../mail/ses-mailer';
import { documentClient, type Store } from '../store/client';
import type { ReportDeps } from '../usecases/reports/actions';

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

/** What a test or the local system replaces; everything else comes from the configuration. */
export interface ApiOverrides {
  store?: Store;
  /** A bus the caller can read (the in-process one records what was published). */
  bus?: EventBus;
  now?: () => Date;
  objects?: ObjectStore;
}

/**
 * Where the archived lessons are read back (the access export): the bucket in AWS, the folder the
 * local archive run writes (`npm run archive`) otherwise.
 */
export function apiObjectStore(env: Pick<ApiEnv, 'ARCHIVE_BUCKET' | 'DATA_DIR'>): ObjectStore {
  return env.ARCHIVE_BUCKET
    ? s3ObjectStore(new S3Client({}), env.ARCHIVE_BUCKET)
    : fileObjectStore(join(env.DATA_DIR, 'archive'));
}

/**
 * The API's dependencies: its reads and the report commands over the table, and the token
 * verifier (Cognito in AWS; local ES256 tokens and the local sign-in key locally).
 */
export async function createApiDeps(env: ApiEnv, overrides: ApiOverrides = {}): Promise<ApiDeps> {
  const store = overrides.store ?? { doc: documentClient(), tableName: env.TABLE_NAME };
  const reports = apiReportDeps(env, store);
  const commands = reportCommands(overrides.bus ? { ...reports, bus: overrides.bus } : reports);
  const objects = overrides.objects ?? apiObjectStore(env);
  const data = storeApiData(store, commands, env.RETENTION_YEARS, objects);
  const retentionYears = env.RETENTION_YEARS;
  // The administrator's import goes through the webhook's ingestion, side by side with deliveries.
  const imports = importPort({
    ingest: {
      store,
      retentionYears,
      now: overrides.now ?? (() => new Date()),
    },
    retentionYears,
  });
  const now = overrides.now ? { now: overrides.now } : {};
  if (env.AUTH_MODE === 'cognito') {
    return {
      data,
      imports,
      verifier: cognitoTokenVerifier(
        env.COGNITO_USER_POOL_ID as string,
        (env.COGNITO_CLIENT_ID as string).split(/\s+/).filter(Boolean),
      ),
      ...now,
    };
  }
  const key = await loadOrCreateLocalKey({
    privateJwkJson: env.LOCAL_AUTH_PRIVATE_JWK,
    keyFile: localKeyFile(env),
  });
  return {
    data,
    imports,
    verifier: localTokenVerifier([key.publicJwk]),
    localSigningKey: key.privateJwk,
    ...now,
  };
}
