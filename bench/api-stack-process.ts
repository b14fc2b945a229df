/**
 * The API benchmark's server side, in a process of its own so autocannon does not share its CPU:
 * the dev stack (dynalite, the durable engine, the API) in a temporary data dir, N stored runs, a
 * finished run and one waiting for approval to poll. Reports `ready` over IPC (api-stack-protocol.ts); exits on 'stop'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListExecutionsCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { devToken } from '../cli/local/dev-token';
import { startDevStack } from '../cli/local/start-dev-stack';
import { deployServiceExample } from '../workflows/definitions';
import { silentLogger } from '../workflows/engine';
import { deployNoopWorkflow, localStateMachineArn, NOOP_WORKFLOW, seedRuns } from './api-seed';
import { POST_INPUT, POST_WORKFLOW, type StackMessage, type StackRequest } from './api-stack-protocol';

const tell = (message: StackMessage): void => {
  process.send?.(message);
};

/** Waits until no execution of `workflow` is RUNNING, so the seeded runs no longer load the engine. */
async function waitForIdle(sfn: SFNClient, workflow: string): Promise<void> {
  const stateMachineArn = localStateMachineArn(workflow);
  for (;;) {
    const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING', maxResults: 1 }));
    if (executions.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Polls the run through the API until it reports `status`. */
async function waitForStatus(apiUrl: string, token: string, runId: string, status: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await fetch(`${apiUrl}/api/runs/${runId}`, { headers: { authorization: `Bearer ${token}` } });
    if (((await response.json()) as { status?: string }).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`run ${runId} never reached ${status}`);
}

async function startRun(apiUrl: string, token: string, workflow: string, input: unknown): Promise<string> {
  const response = await fetch(`${apiUrl}/api/workflows/${workflow}/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  if (response.status !== 201) throw new Error(`starting ${workflow} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { runId: string }).runId;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as StackRequest;
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-bench-api-'));
  const stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: silentLogger });
  const stop = async (): Promise<void> => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());

  const token = await devToken(dataDir);
  const { sfn } = stack.engine;
  const noop = request.seedWorkflow === NOOP_WORKFLOW;
  if (noop) await deployNoopWorkflow(sfn);
  const seedStart = Date.now();
  const names = await seedRuns({
    sfn,
    workflow: request.seedWorkflow,
    input: noop ? {} : POST_INPUT,
    count: request.runs,
    onProgress: (done, ms) => tell({ type: 'progress', text: `  ${done.toLocaleString('en-US')} started (${(ms / 1000).toFixed(1)} s)` }),
  });
  const startedMs = Date.now() - seedStart;
  await waitForIdle(sfn, request.seedWorkflow);
  const finishedMs = Date.now() - seedStart;

  // Polls read runs the API serves: catalogue runs, one finished and one parked on an approval.
  const succeededRunId = await startRun(stack.apiUrl, token, POST_WORKFLOW, POST_INPUT);
  await waitForStatus(stack.apiUrl, token, succeededRunId, 'SUCCEEDED');
  const waitingRunId = await startRun(stack.apiUrl, token, 'deploy-service', {
    ...deployServiceExample,
    rollout: { ...deployServiceExample.rollout, bakeSeconds: 1 },
  });
  await waitForStatus(stack.apiUrl, token, waitingRunId, 'WAITING_FOR_APPROVAL');
  tell({
    type: 'ready',
    apiUrl: stack.apiUrl,
    token,
    succeededRunId,
    waitingRunId,
    seededIn: { startedMs, finishedMs, count: names.length },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
