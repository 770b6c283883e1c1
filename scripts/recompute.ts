/**
 * `npm run recompute -- --date YYYY-MM-DD`: runs the nightly job as of that date against the
 * RUNNING local system (`npm start`), through the same handler that runs in AWS. Where the stores
 * listen comes from `${DATA_DIR}/endpoints.json`, which the local system writes while it runs;
 * AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SESV2 override it. Re-running a date is safe: it
 * sends only what was not sent before.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { localSettings } from './local/defaults';

interface Endpoints {
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  tableName?: string;
  baseUrl?: string;
}

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run recompute -- --date YYYY-MM-DD`);
  process.exit(2);
}

const { values } = parseArgs({ options: { date: { type: 'string' } }, allowPositionals: false });
const date = values.date ?? usage('--date is required');
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
  usage(`--date must be a date YYYY-MM-DD, got "${date}"`);
}

const settings = localSettings();
let endpoints: Endpoints = {};
try {
  endpoints = JSON.parse(await readFile(join(settings.dataDir, 'endpoints.json'), 'utf8')) as Endpoints;
} catch {
  // Not running with this DATA_DIR, or an older local system: the environment must say it.
}
const dynamo = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? endpoints.dynamoEndpoint;
if (!dynamo) {
  console.error(
    `No running local system found (${join(settings.dataDir, 'endpoints.json')} is missing).\n` +
      'Start it with `npm start` (same DATA_DIR), or set AWS_ENDPOINT_URL_DYNAMODB.',
  );
  process.exit(1);
}

Object.assign(process.env, {
  AWS_ENDPOINT_URL_DYNAMODB: dynamo,
  AWS_ENDPOINT_URL_SESV2:
    process.env.AWS_ENDPOINT_URL_SESV2 ?? endpoints.sesEndpoint ?? `http://127.0.0.1:${settings.mailboxPort}`,
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  TABLE_NAME: process.env.TABLE_NAME ?? endpoints.tableName ?? 'presentie-local',
  MAIL_FROM: process.env.MAIL_FROM ?? 'Presentie <presentie@school.example>',
  DASHBOARD_URL: process.env.DASHBOARD_URL ?? endpoints.baseUrl ?? `http://localhost:${settings.port}`,
  SES_MAX_PER_SECOND: process.env.SES_MAX_PER_SECOND ?? '200',
  POWERTOOLS_LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
});

// Imported after the environment is set: the handler reads it once, at load, as a Lambda does.
const { handler } = await import('../functions/handlers/nightly');
try {
  const result = await handler({ date }, {} as never);
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(
    `The nightly run for ${date} failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
