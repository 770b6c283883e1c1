/**
 * Starts the handlers in a worker thread (see lambda-worker.ts) with the environment given,
 * and invokes them by name. A fresh worker per local system: two systems in one process, or a
 * stop and a start, never share module state or endpoints.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HandlerStatus, InvokableName, LambdaName, WorkerReply, WorkerRequest } from './lambda-worker';
import { NIGHT_HANDLERS } from './night-driver';

export interface LocalLambdas {
  handlers: Record<LambdaName, HandlerStatus>;
  /** `nightly` (the night's local driver) is available when all the night's handlers are. */
  available(name: InvokableName): boolean;
  invoke(name: InvokableName, event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The handlers are TypeScript: the worker registers tsx before it imports them. tsx's ESM entry
 * is found from here, not from the working directory (which an eval'd worker would use).
 */
function bootstrap(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsx = pathToFileURL(join(dirname(manifest), 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./lambda-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
}

export async function startLambdas(
  env: Record<string, string>,
  log: (line: string) => void = () => {},
): Promise<LocalLambdas> {
  const worker = new Worker(bootstrap(), { eval: true, env, stdout: false, stderr: false });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let exited: Error | undefined;
  let stopping = false;

  const handlers = await new Promise<Record<LambdaName, HandlerStatus>>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'status') {
        resolve(reply.handlers);
        return;
      }
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.kind === 'result') waiter.resolve(reply.result);
      else {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        waiter.reject(error);
      }
    });
    const fail = (error: Error) => {
      if (!exited && !stopping)
        log(`The handlers stopped: ${error.stack ?? error.message}; restart to recover.`);
      exited = error;
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the handlers' worker exited (code ${code})`)));
  });

  return {
    handlers,
    available: (name) =>
      (name === 'nightly' ? NIGHT_HANDLERS : [name]).every((n) => handlers[n].state === 'ready'),
    invoke: (name, event) =>
      new Promise((resolve, reject) => {
        if (exited) {
          reject(exited);
          return;
        }
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, name, event } satisfies WorkerRequest);
      }),
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}
