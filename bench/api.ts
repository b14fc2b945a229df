/**
 * API benchmark: with N runs stored (default 100,000), autocannon against the real dev stack
 * (dynalite, the SQLite engine with the catalogue, the API) in this process — `GET /api/runs/{id}`
 * (a status poll) and `POST /api/workflows/{name}/runs` at 10 and 100 connections — and a bare
 * Express `GET /health` in the same run as the ceiling. Target: status-poll p99 ≤ 5 ms at 10 connections.
 *
 *   npx tsx bench/api.ts [--runs 100000] [--duration 10] [--seed-workflow nightly-report|bench-noop]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { devToken } from '../cli/local/dev-token';
import { startDevStack } from '../cli/local/start-dev-stack';
import { nightlyReportExample } from '../workflows/definitions';
import { silentLogger } from '../workflows/engine';
import { runLoad, startCeilingServer, type LoadOptions, type LoadResult } from './api-load';
import { deployNoopWorkflow, localStateMachineArn, NOOP_WORKFLOW, seedRuns } from './api-seed';

const POLL_P99_TARGET_MS = 5;
const POLL_TARGET_CONNECTIONS = 10;
const CONNECTIONS = [10, 100] as const;
const POST_WORKFLOW = 'nightly-report';

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
const seedWorkflow = textOption('seed-workflow', POST_WORKFLOW);

type Row = { scenario: string; connections: number; result: LoadResult };

const count = (value: number): string => Math.round(value).toLocaleString('en-US');

/** Waits until no execution of `workflow` is RUNNING, so the seeded runs no longer load the engine. */
async function waitForIdle(sfn: SFNClient, workflow: string): Promise<void> {
  const stateMachineArn = localStateMachineArn(workflow);
  for (;;) {
    const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 1 }));
    if (executions.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function printTable(rows: Row[], ceilingAt: (connections: number) => number): void {
  const header = ['scenario', 'conns', 'rps', 'p50 ms', 'p99 ms', 'rps/ceiling', 'requests', 'errors/non-2xx'];
  const widths = [39, 5, 8, 7, 7, 11, 9, 14];
  const line = (cells: string[]): string => cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const { scenario, connections, result } of rows) {
    console.log(
      line([scenario, String(connections), count(result.rps), String(result.p50), String(result.p99), `${((result.rps / ceilingAt(connections)) * 100).toFixed(1)}%`, count(result.total), `${result.errors + result.timeouts}/${result.non2xx}`]),
    );
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-bench-api-'));
  const ceilingServer = await startCeilingServer();
  const stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: silentLogger });
  try {
    const token = await devToken(dataDir);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const { sfn } = stack.engine;

    const noop = seedWorkflow === NOOP_WORKFLOW;
    if (noop) await deployNoopWorkflow(sfn);
    console.log(`API benchmark (Node ${process.version}): storing ${count(runCount)} runs of '${seedWorkflow}'${noop ? ' (an extra single-Pass state machine)' : ' (catalogue workflow, example input)'} via StartExecution on the engine`);
    const seedStart = Date.now();
    const names = await seedRuns({
      sfn,
      workflow: seedWorkflow,
      input: noop ? {} : nightlyReportExample,
      count: runCount,
      onProgress: (done, ms) => console.log(`  ${count(done)} started (${(ms / 1000).toFixed(1)} s)`),
    });
    const startedMs = Date.now() - seedStart;
    await waitForIdle(sfn, seedWorkflow);
    const storedMs = Date.now() - seedStart;
    console.log(`stored ${count(names.length)} runs: started in ${(startedMs / 1000).toFixed(1)} s, all finished in ${(storedMs / 1000).toFixed(1)} s (${count((names.length / storedMs) * 1000)} runs/s)`);

    // The status poll reads a run the API can see: a catalogue run (the last seeded one, or one started now).
    let pollId = names[names.length - 1];
    if (noop) {
      const response = await fetch(`${stack.apiUrl}/api/workflows/${POST_WORKFLOW}/runs`, { method: 'POST', headers, body: JSON.stringify({ input: nightlyReportExample }) });
      pollId = ((await response.json()) as { runId: string }).runId;
    }
    const probe = await fetch(`${stack.apiUrl}/api/runs/${pollId}`, { headers });
    const probeBody = (await probe.json()) as { status?: string };
    if (probe.status !== 200) throw new Error(`GET /api/runs/${pollId} answered ${probe.status}`);
    console.log(`polling run '${pollId}' (${probeBody.status ?? '?'}); POST starts '${POST_WORKFLOW}' with its example input; ${duration} s per scenario\n`);

    const load = (options: Omit<LoadOptions, 'duration'>): Promise<LoadResult> => runLoad({ ...options, duration });
    const rows: Row[] = [];
    for (const connections of CONNECTIONS) {
      rows.push({ scenario: 'bare Express GET /health (ceiling)', connections, result: await load({ url: `${ceilingServer.url}/health`, connections }) });
    }
    for (const connections of CONNECTIONS) {
      rows.push({ scenario: 'GET /api/runs/{id}', connections, result: await load({ url: `${stack.apiUrl}/api/runs/${pollId}`, connections, headers }) });
    }
    const body = JSON.stringify({ input: nightlyReportExample });
    for (const connections of CONNECTIONS) {
      rows.push({ scenario: `POST /api/workflows/${POST_WORKFLOW}/runs`, connections, result: await load({ url: `${stack.apiUrl}/api/workflows/${POST_WORKFLOW}/runs`, connections, method: 'POST', headers, body }) });
    }
    const ceilingAt = (connections: number): number => rows.find((row) => row.scenario.startsWith('bare') && row.connections === connections)?.result.rps ?? Number.NaN;
    printTable(rows, ceilingAt);
    const poll = rows.find((row) => row.scenario.startsWith('GET /api/runs') && row.connections === POLL_TARGET_CONNECTIONS);
    const p99 = poll?.result.p99 ?? Number.POSITIVE_INFINITY;
    console.log('\nrps/ceiling: against the bare Express /health at the same number of connections.');
    console.log(`target: status poll p99 ≤ ${POLL_P99_TARGET_MS} ms at ${POLL_TARGET_CONNECTIONS} connections — ${p99 <= POLL_P99_TARGET_MS ? 'met' : 'MISSED'} (p99 ${p99} ms)`);
  } finally {
    await stack.stop();
    await ceilingServer.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
