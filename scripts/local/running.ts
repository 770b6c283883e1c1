/**
 * Points this process's AWS SDK at the RUNNING local system (`npm start`), for the scripts that
 * act on it (`recompute`, `import`): where the stores listen comes from
 * `${DATA_DIR}/endpoints.json`, which the local system writes while it runs;
 * AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SESV2 / TABLE_NAME override it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localSettings } from './defaults';

interface Endpoints {
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  tableName?: string;
  baseUrl?: string;
}

/**
 * `allowAws`: without a local system, a TABLE_NAME in the environment means the table in AWS
 * (credentials and region from the usual AWS environment). Exits with a clear message otherwise.
 */
export async function useRunningSystem(options: { allowAws?: boolean } = {}): Promise<'local' | 'aws'> {
  const settings = localSettings();
  let endpoints: Endpoints = {};
  try {
    endpoints = JSON.parse(await readFile(join(settings.dataDir, 'endpoints.json'), 'utf8')) as Endpoints;
  } catch {
    // Not running with this DATA_DIR, or an older local system: the environment must say it.
  }
  const dynamo = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? endpoints.dynamoEndpoint;
  if (!dynamo) {
    if (options.allowAws && process.env.TABLE_NAME) return 'aws';
    console.error(
      `No running local system found (${join(settings.dataDir, 'endpoints.json')} is missing).\n` +
        'Start it with `npm start` (same DATA_DIR), or set AWS_ENDPOINT_URL_DYNAMODB' +
        (options.allowAws ? ' (or TABLE_NAME and AWS credentials for the table in AWS).' : '.'),
    );
    process.exit(1);
  }
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo,
    AWS_ENDPOINT_URL_SESV2:
      process.env.AWS_ENDPOINT_URL_SESV2 ??
      endpoints.sesEndpoint ??
      `http://127.0.0.1:${settings.mailboxPort}`,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    TABLE_NAME: process.env.TABLE_NAME ?? endpoints.tableName ?? 'presentie-local',
    MAIL_FROM: process.env.MAIL_FROM ?? 'Presentie <presentie@school.example>',
    DASHBOARD_URL: process.env.DASHBOARD_URL ?? endpoints.baseUrl ?? `http://localhost:${settings.port}`,
    SES_MAX_PER_SECOND: process.env.SES_MAX_PER_SECOND ?? '200',
    POWERTOOLS_LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
  });
  return 'local';
}
