/**
 * aws-ses-v2-local, in-process. Its express server is importable, so no child process: starting
 * and stopping is quick and nothing outlives the caller. Mind that its mail store is global to
 * the process: two instances in one process share `GET /store`.
 */
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';

export interface LocalSes {
  /** Point the SDK here: `AWS_ENDPOINT_URL_SESV2`. */
  endpoint: string;
  /** The web mailbox (`/`); `GET /store` and `POST /clear-store` live under the same origin. */
  mailboxUrl: string;
  stop(): Promise<void>;
}

type StartServer = (config?: { host?: string; port?: number }) => Promise<Server>;

async function loadServer(): Promise<StartServer> {
  // CommonJS with `exports.default`: depending on the loader the function sits at `.default`
  // or `.default.default`.
  const mod = (await import('aws-ses-v2-local')) as unknown as {
    default: StartServer | { default: StartServer };
  };
  const candidate = mod.default;
  return typeof candidate === 'function' ? candidate : candidate.default;
}

/**
 * aws-ses-v2-local leaves its server's `error` event unhandled, so a taken port would crash
 * the process: find out first, and fail as a normal EADDRINUSE error instead.
 */
function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** Starts aws-ses-v2-local on `port` (0 picks a free one), bound to loopback. */
export async function startSes({ port = 0 }: { port?: number } = {}): Promise<LocalSes> {
  const start = await loadServer();
  if (port !== 0) await assertPortFree(port, '127.0.0.1');
  const server = await start({ host: '127.0.0.1', port });
  const { port: actual } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${actual}`;
  return {
    endpoint,
    mailboxUrl: `http://localhost:${actual}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this `close` waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
