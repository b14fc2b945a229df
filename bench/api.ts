/**
 * API benchmark: with N runs stored (default 100,000), autocannon against the real dev stack
 * (dynalite, the SQLite engine with the catalogue, the API) — status polls of a finished run and of
 * one waiting for approval, and starts, at 10 and 100 connections — and a bare Express
 * `GET /health` as the ceiling. The stack, the ceiling and autocannon each run in their own
 * process, so the load generator never shares a CPU core's event loop with the server it measures.
 * Target: status-poll p99 ≤ 5 ms at 10 connections.
 *
 *   npx tsx bench/api.ts [--runs 100000] [--duration 10] [--seed-workflow nightly-report|bench-noop]
 *
 * BENCH_CPU_PROF=<dir> writes a CPU profile of the stack and the ceiling processes there.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { runLoad, type LoadOptions, type LoadResult } from './api-load';
import { NOOP_WORKFLOW } from './api-seed';
import { POST_INPUT, POST_WORKFLOW, type StackMessage, type StackRequest } from './api-stack-protocol';

const POLL_P99_TARGET_MS = 5;
const POLL_TARGET_CONNECTIONS = 10;
const CONNECTIONS = [10, 100] as const;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function textOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1] : fallback;
}

const runCount = Math.max(1, Math.round(option('runs', 100_000)));
const duration = Math.max(1, option('duration', 10));
const seedWorkflow = textOption('seed-workflow', NOOP_WORKFLOW);

type Row = { scenario: string; connections: number; result: LoadResult };

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Forks a TypeScript entry under tsx and resolves with its first `ready` message. */
function forkReady<T extends { type: string }>(
  file: string,
  args: string[],
  onMessage: (message: T) => void = () => undefined,
): Promise<{ child: ChildProcess; ready: T }> {
  const child = fork(join(__dirname, file), args, {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: T) => {
      if (message.type === 'ready') resolve({ child, ready: message });
      else onMessage(message);
    });
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
  });
}

function stopChild(child: ChildProcess, message?: string): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    if (message) child.send(message);
    else child.disconnect();
  });
}

function printTable(rows: Row[], ceilingAt: (connections: number) => number): void {
  const header = ['scenario', 'conns', 'rps', 'p50 ms', 'p99 ms', 'rps/ceiling', 'requests', 'errors/non-2xx'];
  const widths = [44, 5, 8, 7, 7, 11, 9, 14];
  const line = (cells: string[]): string =>
    cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const { scenario, connections, result } of rows) {
    console.log(
      line([
        scenario,
        String(connections),
        count(result.rps),
        String(result.p50),
        String(result.p99),
        `${((result.rps / ceilingAt(connections)) * 100).toFixed(1)}%`,
        count(result.total),
        `${result.errors + result.timeouts}/${result.non2xx}`,
      ]),
    );
  }
}

async function main(): Promise<void> {
  const noop = seedWorkflow === NOOP_WORKFLOW;
  console.log(
    `API benchmark (Node ${process.version}): storing ${count(runCount)} runs of '${seedWorkflow}'${noop ? ' (an extra single-Pass state machine)' : ' (catalogue workflow, example input)'} via StartExecution on the engine`,
  );
  const request: StackRequest = { runs: runCount, seedWorkflow };
  const ceiling = await forkReady<{ type: 'ready'; url: string }>('api-ceiling-process.ts', []);
  const stack = await forkReady<StackMessage>('api-stack-process.ts', [JSON.stringify(request)], (message) => {
    if (message.type === 'progress') console.log(message.text);
  }).catch(async (error: unknown) => {
    await stopChild(ceiling.child);
    throw error;
  });
  try {
    if (stack.ready.type !== 'ready') throw new Error('the stack did not report ready');
    const { apiUrl, token, succeededRunId, waitingRunId, seededIn } = stack.ready;
    console.log(
      `stored ${count(seededIn.count)} runs: started in ${(seededIn.startedMs / 1000).toFixed(1)} s, all finished in ${(seededIn.finishedMs / 1000).toFixed(1)} s (${count((seededIn.count / seededIn.finishedMs) * 1000)} runs/s)`,
    );
    console.log(
      `polling '${succeededRunId}' (nightly-report, SUCCEEDED) and '${waitingRunId}' (deploy-service, WAITING_FOR_APPROVAL); POST starts '${POST_WORKFLOW}'; ${duration} s per scenario\n`,
    );
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const load = (options: Omit<LoadOptions, 'duration'>): Promise<LoadResult> => runLoad({ ...options, duration });
    const rows: Row[] = [];
    const scenarios: { scenario: string; options: Omit<LoadOptions, 'duration' | 'connections'> }[] = [
      { scenario: 'bare Express GET /health (ceiling)', options: { url: `${ceiling.ready.url}/health` } },
      { scenario: 'GET /api/runs/{id} (SUCCEEDED)', options: { url: `${apiUrl}/api/runs/${succeededRunId}`, headers } },
      { scenario: 'GET /api/runs/{id} (WAITING_FOR_APPROVAL)', options: { url: `${apiUrl}/api/runs/${waitingRunId}`, headers } },
      {
        scenario: `POST /api/workflows/${POST_WORKFLOW}/runs`,
        options: {
          url: `${apiUrl}/api/workflows/${POST_WORKFLOW}/runs`,
          method: 'POST',
          headers,
          body: JSON.stringify({ input: POST_INPUT }),
        },
      },
    ];
    for (const { scenario, options } of scenarios) {
      for (const connections of CONNECTIONS) rows.push({ scenario, connections, result: await load({ ...options, connections }) });
    }
    const ceilingAt = (connections: number): number =>
      rows.find((row) => row.scenario.startsWith('bare') && row.connections === connections)?.result.rps ?? Number.NaN;
    printTable(rows, ceilingAt);
    console.log(
      '\nrps/ceiling: against the bare Express /health at the same number of connections (each server in its own process, autocannon in a third).',
    );
    for (const row of rows.filter(
      (candidate) => candidate.scenario.startsWith('GET /api/runs') && candidate.connections === POLL_TARGET_CONNECTIONS,
    )) {
      const met = row.result.p99 <= POLL_P99_TARGET_MS;
      console.log(
        `target: ${row.scenario} p99 ≤ ${POLL_P99_TARGET_MS} ms at ${POLL_TARGET_CONNECTIONS} connections — ${met ? 'met' : 'MISSED'} (p99 ${row.result.p99} ms)`,
      );
    }
  } finally {
    await stopChild(stack.child, 'stop');
    await stopChild(ceiling.child);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
