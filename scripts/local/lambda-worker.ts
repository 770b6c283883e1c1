/**
 * Runs the Lambda handlers inside a worker thread, the local equivalent of their execution
 * environment: its own `process.env` (read once at import, as at a cold start), its own module
 * scope with its own SDK clients, and nothing left behind when the worker is terminated.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { processLocalBus } from '../../functions/events';
import { PROVISIONING_EVENT_TYPES, TASK_MAILER_EVENT_TYPES } from '../../functions/events/types';
import { type FunctionName, SERVICE_NAMES } from '../../functions/service-names';
import { lambdaContext } from './lambda-context';
import { driveNight, NIGHT_HANDLERS } from './night-driver';
import { subscribeRule } from './rules';

export const LAMBDA_NAMES = [
  'webhook',
  'api',
  ...NIGHT_HANDLERS,
  'task-mailer',
  'provisioning',
] as const satisfies readonly FunctionName[];
export type LambdaName = (typeof LAMBDA_NAMES)[number];

/** `nightly` is no handler but the night's state machine: its local driver over the night's handlers. */
export const NIGHTLY = 'nightly';
export type InvokableName = LambdaName | typeof NIGHTLY;

export type HandlerStatus = { state: 'ready' } | { state: 'missing' } | { state: 'failed'; message: string };

export type WorkerRequest = { id: number; name: InvokableName; event: unknown };
export type WorkerReply =
  | { kind: 'status'; handlers: Record<LambdaName, HandlerStatus> }
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; message: string; stack?: string };

type Handler = (event: unknown, context: Context) => Promise<unknown>;

async function load(name: LambdaName): Promise<{ status: HandlerStatus; handler?: Handler }> {
  const url = new URL(`../../functions/handlers/${name}.ts`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return { status: { state: 'missing' } };
  try {
    const mod = (await import(url.href)) as { handler?: Handler };
    if (typeof mod.handler !== 'function') {
      return { status: { state: 'failed', message: `functions/handlers/${name}.ts exports no handler` } };
    }
    return { status: { state: 'ready' }, handler: mod.handler };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { status: { state: 'failed', message } };
  }
}

if (parentPort) {
  const port = parentPort;
  const handlers = new Map<LambdaName, Handler>();
  const statuses = {} as Record<LambdaName, HandlerStatus>;
  for (const name of LAMBDA_NAMES) {
    const { status, handler } = await load(name);
    statuses[name] = status;
    if (handler) handlers.set(name, handler);
  }
  subscribeRules(handlers);
  const invoke = (name: LambdaName, event: unknown) => {
    const handler = handlers.get(name);
    if (!handler) throw new Error(`the ${name} handler is not available`);
    return handler(event, lambdaContext(SERVICE_NAMES[name]));
  };
  port.on('message', async ({ id, name, event }: WorkerRequest) => {
    try {
      const result = name === NIGHTLY ? await driveNight(invoke, event) : await invoke(name, event);
      port.postMessage({ kind: 'result', id, result } satisfies WorkerReply);
    } catch (error) {
      const reply: WorkerReply =
        error instanceof Error
          ? { kind: 'error', id, message: error.message, ...(error.stack ? { stack: error.stack } : {}) }
          : { kind: 'error', id, message: String(error) };
      port.postMessage(reply);
    }
  });
  port.postMessage({ kind: 'status', handlers: statuses } satisfies WorkerReply);
}

/**
 * The local stand-ins for the EventBridge rules: what the webhook, the API and the nightly run
 * publish on this worker's in-process bus reaches the task mailer and staff provisioning as
 * EventBridge would deliver it. As in AWS, the publisher does not see a consumer fail: task mails
 * stay in the outbox for the nightly run, and a staff member's account is brought in line by the
 * next `staff.changed` (provisioning reads the roster as stored).
 */
function subscribeRules(handlers: Map<LambdaName, Handler>): void {
  const rules: Array<[LambdaName, readonly string[]]> = [
    ['task-mailer', TASK_MAILER_EVENT_TYPES],
    ['provisioning', PROVISIONING_EVENT_TYPES],
  ];
  for (const [name, types] of rules) {
    const handler = handlers.get(name);
    if (handler) subscribeRule(processLocalBus(), types, handler, SERVICE_NAMES[name]);
  }
}
