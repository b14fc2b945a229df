/** `statecraft demo`: seeds the running stack with the demo runs the chatbot's docs and dialogs use, and waits until each is in its state. */
import * as path from 'node:path';
import { Command } from 'commander';
import { DEFAULT_DATA_DIR, DEFAULT_PORT } from '../../api/config';
import { CliError } from '../cli-error';
import { DEMO_GROUPS, DEMO_RUNS, DEMO_USER, type DemoRun } from '../local/demo-runs';
import { devToken } from '../local/dev-token';
import { apiClient, type ApiClient } from '../local/api-client';

type DemoOptions = { url: string; dataDir: string; timeout: string };

/** Final statuses: a run in one of them never reaches another. */
const FINAL = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
const POLL_MS = 200;

export function demoCommand(): Command {
  return new Command('demo')
    .description(`Seed the running stack (statecraft dev) with the demo runs, started by '${DEMO_USER}' so anyone else may approve them; waits until each is in its state.`)
    .option('--url <url>', 'the API of the running stack (env PORT picks the local port)', `http://127.0.0.1:${process.env.PORT ?? DEFAULT_PORT}`)
    .option('-d, --data-dir <dir>', "the stack's data dir, where its signing key is (env STATECRAFT_DATA_DIR)", process.env.STATECRAFT_DATA_DIR ?? DEFAULT_DATA_DIR)
    .option('--timeout <seconds>', 'how long each run may take to reach its state', '60')
    .addHelpText('after', `\nThe runs:\n${DEMO_RUNS.map((run) => `  ${run.runId}  ${run.workflow.padEnd(18)} ${run.description}`).join('\n')}\n\nRunning it again is safe: existing demo runs are kept, and checked.`)
    .action(runDemo);
}

async function runDemo(options: DemoOptions): Promise<void> {
  const timeoutMs = Number(options.timeout) * 1000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError(`--timeout must be a number of seconds above 0, got '${options.timeout}'`, 2);
  const token = await devToken(path.resolve(options.dataDir), { user: DEMO_USER, groups: DEMO_GROUPS, ttl: '1h' });
  const api = apiClient(options.url, token);
  let failures = 0;
  for (const run of DEMO_RUNS) {
    const outcome = await seed(api, run, timeoutMs);
    process.stdout.write(`${outcome.ok ? '✓' : '✗'} ${run.runId}  ${run.workflow.padEnd(18)} ${outcome.ok ? run.description : outcome.problem}\n`);
    if (!outcome.ok) failures++;
  }
  if (failures > 0) throw new CliError(`${failures} of ${DEMO_RUNS.length} demo runs are not in their state (a fresh data dir seeds them anew)`, 1);
  process.stdout.write(`\nTry the bot: npx statecraft chat --user alice --groups operators,release-managers,finance\n`);
}

/** Starts the run (or finds it) and waits until it reaches its target status. */
async function seed(api: ApiClient, run: DemoRun, timeoutMs: number): Promise<{ ok: true } | { ok: false; problem: string }> {
  const started = await api.post(`/api/workflows/${run.workflow}/runs`, { runId: run.runId, input: run.input });
  if (started.status === 409) return { ok: false, problem: `already exists with another input or workflow: ${started.body.detail}` };
  if (started.status >= 400) return { ok: false, problem: `could not start: ${started.body.detail ?? started.status}` };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api.get(`/api/runs/${run.runId}`);
    const status = String(body.status);
    if (status === run.target) return { ok: true };
    if (FINAL.includes(status)) return { ok: false, problem: `is ${status}, not ${run.target}` };
    if (Date.now() > deadline) return { ok: false, problem: `still ${status} after ${timeoutMs / 1000} s, not ${run.target}` };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
