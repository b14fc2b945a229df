/** A typed wrapper over autocannon's programmatic API (the package ships no types), plus the bare Express ceiling. */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** One autocannon run: where, how hard, how long (after a warm-up that is not measured), and an optional request body. */
export type LoadOptions = {
  url: string;
  connections: number;
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
};

/** The figures the table prints, plus the error and non-2xx counts that make them trustworthy. */
export type LoadResult = { rps: number; p50: number; p99: number; total: number; errors: number; timeouts: number; non2xx: number };

type AutocannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};
type Autocannon = (options: LoadOptions & { warmup?: { connections: number; duration: number } }) => Promise<AutocannonResult>;

/** Seconds of unmeasured load before each run, so JIT compilation and cold caches stay out of the tail. */
const WARMUP_SECONDS = 2;

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/** Runs autocannon once and keeps the mean requests per second and the p50/p99 latency (ms). */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({ ...options, warmup: { connections: options.connections, duration: WARMUP_SECONDS } });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A listening bare Express app. */
export type CeilingServer = { url: string; close(): Promise<void> };

/** Starts a bare Express app answering `GET /health` on a free loopback port: the ceiling the API is compared to. */
export async function startCeilingServer(): Promise<CeilingServer> {
  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
