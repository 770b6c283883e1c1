import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { withTransactions } from './dynalite-transactions';

type DynaliteServer = {
  listen(port: number, host: string, callback: (error?: Error) => void): void;
  close(callback: (error?: Error) => void): void;
  address(): AddressInfo | string | null;
  once(event: 'error', listener: (error: Error) => void): void;
} & Parameters<typeof withTransactions>[0];
type DynaliteFactory = (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => DynaliteServer;

const require = createRequire(import.meta.url);

export interface RunningDynalite {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts dynalite in this process. `port: 0` (the default) picks a free port; with `path`
 * the data persists on disk (LevelDB), otherwise it lives in memory.
 */
export async function startDynalite(
  options: { port?: number; path?: string } = {},
): Promise<RunningDynalite> {
  const dynalite = require('dynalite') as DynaliteFactory;
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  // TransactWriteItems, which dynalite lacks, emulated in front of it (dynalite-transactions.ts).
  withTransactions(server, () => endpointOf(server));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', (error) => (error ? reject(error) : resolve()));
  });
  const endpoint = endpointOf(server);
  let stopped = false;
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if (stopped) return resolve();
        stopped = true;
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function endpointOf(server: DynaliteServer): string {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dynalite did not bind a TCP port');
  return `http://127.0.0.1:${address.port}`;
}
