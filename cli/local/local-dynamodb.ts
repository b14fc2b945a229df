/** The embedded DynamoDB: dynalite (the DynamoDB API over LevelDB) on 127.0.0.1, in memory or on disk. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type DynaliteFactory = (options: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; path?: string }) => Server;

/** A listening dynalite. */
export type LocalDynamoDb = { endpoint: string; port: number; stop(): Promise<void> };

/** Starts dynalite with tables active at once; `path` keeps the data on disk (in memory otherwise). */
export async function startLocalDynamoDb({ port = 0, path }: { port?: number; path?: string } = {}): Promise<LocalDynamoDb> {
  // dynalite ships no type declarations, so it is required and typed here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const createDynalite = require('dynalite') as DynaliteFactory;
  const server = createDynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, path });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    port: bound,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
