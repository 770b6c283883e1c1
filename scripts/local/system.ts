/**
 * The whole system on one machine: dynalite (on disk under `dataDir`), aws-ses-v2-local, the
 * handlers with the environment they get in AWS (only endpoints differ), the API Gateway
 * stand-in serving webhook, API and dashboard, and the nightly schedule. Starts and stops
 * cleanly inside one process, as many times as wanted.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { ensureTable } from '../../functions/store/table-definition';
import { localDate } from '../../shared/calendar/school-time';
import { type GatewayRoutes, type Invoke, startGateway } from './api-gateway';
import { DEFAULT_WEBHOOK_SECRET } from './defaults';
import { actOnDemo } from './demo-acts';
import { coachesAct } from './demo-coaches';
import {
  type DemoState,
  deliverDemoSchool,
  type Progress,
  readDemoState,
  runDemoNights,
  writeDemoState,
} from './demo-load';
import { officeWorks } from './demo-office';
import { startDynalite } from './dynalite';
import type { InvokableName } from './lambda-worker';
import { type LocalLambdas, startLambdas } from './lambdas';
import { NIGHT_HANDLERS } from './night-driver';
import { startScheduler } from './scheduler';
import { startSes } from './ses';
import { checkStoreLayout } from './store-layout';

export const LOCAL_TABLE_NAME = 'presentie-local';
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LocalSystemOptions {
  /** Dashboard, API and webhook; 0 (the default) picks a free port. */
  port?: number;
  /** aws-ses-v2-local and its mailbox; 0 (the default) picks a free port. */
  mailboxPort?: number;
  /** Where dynalite keeps its files; without it everything lives in memory. */
  dataDir?: string;
  /** Load the demo school when the data dir holds none yet. Default false. */
  demo?: boolean;
  /** A smaller demo school (default 600 students), e.g. for browser tests. */
  demoStudents?: number;
  /** `whsec_...`, several space separated; default the documented local secret. */
  secret?: string;
  log?: (line: string) => void;
  progress?: Progress;
  /** The built dashboard; default `web/dist`. */
  webRoot?: string;
  /** Extra environment for the handlers (wins over the defaults). */
  env?: Record<string, string>;
  /** The date the demo is generated for; default today in Amsterdam. */
  today?: string;
  /**
   * Called once everything serves, before the demo school loads: the dashboard, mailbox and
   * webhook can be used while the demo data arrives.
   */
  onReady?: (system: LocalSystem) => void;
  /** Use this DynamoDB endpoint instead of starting dynalite (the bench observes its own). */
  dynamoEndpoint?: string;
}

export interface LocalSystem {
  baseUrl: string;
  webhookUrl: string;
  apiUrl: string;
  mailboxUrl: string;
  /** AWS_ENDPOINT_URL_DYNAMODB of this system, for tests and tools. */
  dynamoEndpoint: string;
  sesEndpoint: string;
  tableName: string;
  secret: string;
  /** What each handler did at start: ready, missing (not written yet) or failed (with why). */
  handlers: LocalLambdas['handlers'];
  /** The demo load, when one ran at this start. */
  demo?: DemoState;
  /** Invokes a handler directly, e.g. `invoke('nightly', { date })`. */
  invoke(name: InvokableName, event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** The environment the handlers read at cold start; set in their worker before they load. */
export function handlerEnvironment(settings: {
  tableName: string;
  secret: string;
  dynamoEndpoint: string;
  sesEndpoint: string;
  baseUrl: string;
  /** Where the local sign-in key is kept. */
  keyDir: string;
}): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      // Real AWS credentials or profiles must never reach the local handlers.
      (entry): entry is [string, string] => entry[1] !== undefined && !/^AWS_/.test(entry[0]),
    ),
  );
  return {
    ...inherited,
    TABLE_NAME: settings.tableName,
    PRESENCE_WEBHOOK_SECRETS: settings.secret,
    AWS_ENDPOINT_URL_DYNAMODB: settings.dynamoEndpoint,
    AWS_ENDPOINT_URL_SESV2: settings.sesEndpoint,
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    MAIL_FROM: 'presentie@school.example',
    DASHBOARD_URL: settings.baseUrl,
    AUTH_MODE: 'local',
    // Staff provisioning writes to the local sign-in list (its rule is subscribed in the worker).
    PROVISIONING_MODE: 'local',
    // The local sign-in key lives with the data, so tokens survive a restart.
    DATA_DIR: settings.keyDir,
    LOCAL_AUTH_KEY_FILE: join(settings.keyDir, 'local-auth-key.json'),
    // aws-ses-v2-local has no sending quota; the AWS default pacing would only slow the demo.
    SES_MAX_PER_SECOND: '500',
    POWERTOOLS_SERVICE_NAME: 'presentie',
    POWERTOOLS_METRICS_NAMESPACE: 'Presentie',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    // The SDK is pinned for Node 20 on purpose (see /work/shared/STACK.md); its notice is noise here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    PRESENTIE_LOCAL: '1',
    // A local school year is simulated ahead of today (`npm run recompute -- --date`), so events
    // dated later are taken in; set OCCURRED_AT_SKEW_SECONDS=300 for AWS's refusal.
    OCCURRED_AT_SKEW_SECONDS: process.env.OCCURRED_AT_SKEW_SECONDS ?? 'off',
  };
}

export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const log = options.log ?? (() => {});
  const secret = options.secret ?? DEFAULT_WEBHOOK_SECRET;
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    // Reverse order: no handler may still be talking to the stores when they go.
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    cleanups.length = 0;
  };

  try {
    const { keyDir, dynamo, ses } = await startStores(options, dataDir, cleanups);

    // The gateway first, for its port; its routes are filled in once the handlers are up.
    const routes: GatewayRoutes = {};
    const webRoot = options.webRoot ?? join(REPO_ROOT, 'web', 'dist');
    const gateway = await startGateway({ routes, webRoot, log }, options.port ?? 0);
    cleanups.push(() => gateway.stop());
    const baseUrl = `http://localhost:${gateway.port}`;

    const lambdas = await startLambdas(
      {
        ...handlerEnvironment({
          tableName: LOCAL_TABLE_NAME,
          secret,
          dynamoEndpoint: dynamo.endpoint,
          sesEndpoint: ses.endpoint,
          baseUrl,
          keyDir,
        }),
        ...options.env,
      },
      log,
    );
    cleanups.push(() => lambdas.stop());
    noteUnavailableHandlers(lambdas.handlers, log);
    const http = (name: 'webhook' | 'api'): Invoke | undefined =>
      lambdas.available(name)
        ? (event) => lambdas.invoke(name, event) as Promise<APIGatewayProxyResultV2>
        : undefined;
    routes.webhook = http('webhook');
    routes.api = http('api');
    if (!existsSync(join(webRoot, 'index.html'))) {
      log('Note: the dashboard is not built (web/dist); run `npm run build:web`.');
    }

    const nightly = lambdas.available('nightly')
      ? async (date: string) => {
          await lambdas.invoke('nightly', { date });
        }
      : undefined;
    if (nightly) {
      const scheduler = startScheduler({ run: nightly, log });
      cleanups.push(async () => scheduler.stop());
    }

    const system: LocalSystem = {
      baseUrl,
      webhookUrl: `${baseUrl}/webhooks/presence`,
      apiUrl: `${baseUrl}/api`,
      mailboxUrl: ses.mailboxUrl,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      tableName: LOCAL_TABLE_NAME,
      secret,
      handlers: lambdas.handlers,
      invoke: (name, event) => lambdas.invoke(name, event),
      stop: stopAll,
    };
    if (dataDir) {
      // Tells `npm run recompute` (another process) where the running stores listen.
      const endpointsFile = join(dataDir, 'endpoints.json');
      await writeEndpoints(endpointsFile, {
        dynamoEndpoint: dynamo.endpoint,
        sesEndpoint: ses.endpoint,
        baseUrl,
      });
      cleanups.push(() => rm(endpointsFile, { force: true }));
    }

    options.onReady?.(system);
    if (options.demo) {
      system.demo = await demoSchool(system, {
        dataDir,
        nightly,
        log,
        ...(options.today ? { today: options.today } : {}),
        ...(options.demoStudents ? { students: options.demoStudents } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
      });
    }
    return system;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * The stores, each stopped by `cleanups`: the data dir, the directory of the sign-in key,
 * DynamoDB (given, or dynalite) with its table, and the local SES.
 */
async function startStores(
  options: LocalSystemOptions,
  dataDir: string | undefined,
  cleanups: (() => Promise<void>)[],
) {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // Only a table this system keeps itself: a given endpoint is its owner's business.
  if (dataDir && !options.dynamoEndpoint) await checkStoreLayout(dataDir);
  // Without a data dir nothing may land in the working tree: the sign-in key goes to a temp dir.
  const keyDir = dataDir ?? (await mkdtemp(join(tmpdir(), 'presentie-local-')));
  if (!dataDir) cleanups.push(() => rm(keyDir, { recursive: true, force: true }));
  const dynamo = options.dynamoEndpoint
    ? { endpoint: options.dynamoEndpoint }
    : await startDynalite(dataDir ? { path: join(dataDir, 'dynamodb') } : {});
  if ('stop' in dynamo) cleanups.push(() => dynamo.stop());
  const ses = await startSes({ port: options.mailboxPort ?? 0 });
  cleanups.push(() => ses.stop());

  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ensureTable(client, LOCAL_TABLE_NAME);
  } finally {
    client.destroy();
  }
  return { keyDir, dynamo, ses };
}

/** Says which handlers are missing or failed to load, and so what is off. */
function noteUnavailableHandlers(handlers: LocalLambdas['handlers'], log: (line: string) => void): void {
  for (const [name, status] of Object.entries(handlers)) {
    if (status.state === 'missing') {
      log(
        `Note: functions/handlers/${name}.ts does not exist yet; ${(NIGHT_HANDLERS as readonly string[]).includes(name) ? 'no nightly runs' : 'its route is off'}.`,
      );
    }
    if (status.state === 'failed')
      log(`Note: the ${name} handler failed to load; its route is off.\n${status.message}`);
  }
}

/** Writes where the running stores listen, for `npm run recompute`. */
async function writeEndpoints(
  endpointsFile: string,
  listening: { dynamoEndpoint: string; sesEndpoint: string; baseUrl: string },
): Promise<void> {
  const endpoints = {
    dynamoEndpoint: listening.dynamoEndpoint,
    sesEndpoint: listening.sesEndpoint,
    tableName: LOCAL_TABLE_NAME,
    baseUrl: listening.baseUrl,
  };
  await writeFile(endpointsFile, `${JSON.stringify(endpoints, null, 2)}\n`);
}

/**
 * Loads the demo school unless the data dir has it, then runs the nightly job for the school
 * days it has not yet run for. Returns the state when this start did some of that.
 */
async function demoSchool(
  system: LocalSystem,
  options: {
    dataDir: string | undefined;
    nightly: ((date: string) => Promise<void>) | undefined;
    log: (line: string) => void;
    today?: string;
    students?: number;
    progress?: Progress;
  },
): Promise<DemoState | undefined> {
  const save = async (state: DemoState) => {
    if (options.dataDir) await writeDemoState(options.dataDir, state);
  };
  let state = options.dataDir ? await readDemoState(options.dataDir) : undefined;
  let worked = false;
  if (!state) {
    if (system.handlers.webhook.state !== 'ready') {
      options.log('Note: no webhook handler, so no demo school.');
      return undefined;
    }
    const delivery = await deliverDemoSchool({
      webhookUrl: system.webhookUrl,
      secret: system.secret,
      ...(options.today ? { today: options.today } : {}),
      ...(options.students ? { students: options.students } : {}),
      ...(options.progress ? { progress: options.progress } : {}),
    });
    // Written once every delivery is in: an interrupted load is simply repeated (idempotent).
    state = { ...delivery, nightlyRuns: 0 };
    await save(state);
    worked = true;
  }
  if (state.nightlyRuns < state.schoolDays.length) {
    if (!options.nightly) {
      options.log('Note: no nightly handler, so no reports or KPIs for the demo school yet.');
    } else {
      const { schoolDays } = state;
      state = await runDemoNights(state, options.nightly, {
        log: options.log,
        onRun: save,
        afterNight: async (night) => {
          await coachesAct({ apiUrl: system.apiUrl, schoolDays, night });
        },
        ...(options.progress ? { progress: options.progress } : {}),
      });
      worked = true;
    }
  }
  const acted = await staffActs(system, state, { ...options, save });
  if (acted) [state, worked] = [acted, true];
  return worked ? state : undefined;
}

/** The staff's acts after the demo's nights (`demo-acts.ts`); the new state once they are done. */
async function staffActs(
  system: LocalSystem,
  state: DemoState,
  options: {
    nightly: ((date: string) => Promise<void>) | undefined;
    log: (line: string) => void;
    today?: string;
    save: (state: DemoState) => Promise<void>;
  },
): Promise<DemoState | undefined> {
  const nightly = options.nightly;
  if (!nightly || state.acted || state.nightlyRuns < state.schoolDays.length) return undefined;
  try {
    await actOnDemo({
      apiUrl: system.apiUrl,
      today: options.today ?? localDate(new Date()),
      rerunLastNight: () => nightly(state.to),
    });
    await officeWorks(system.apiUrl);
  } catch (error) {
    // The system still runs; the next start tries the acts again (each looks whether it is done).
    options.log(`The demo's staff acts failed; the next start tries again.\n${String(error)}`);
    return undefined;
  }
  const next = { ...state, acted: true };
  await options.save(next);
  return next;
}

/** What the demo marker says was loaded, if anything. */
export function loadedDemo(dataDir: string): Promise<DemoState | undefined> {
  return readDemoState(dataDir);
}
