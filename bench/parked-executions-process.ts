/**
 * Child process of the parked-executions benchmark (started by bench/parked-executions.ts):
 *
 *   node --expose-gc --import tsx park   DATA_DIR COUNT   starts COUNT executions that park on a
 *       task token, prints `parked {json}` (RSS etc.) and waits to be killed with SIGKILL;
 *   node --expose-gc --import tsx resume DATA_DIR COUNT  reopens the data dir as a restarted
 *       emulator, prints `reparked {json}` once every execution waits on its token again and
 *       `completed {json}` once every execution, called back, has SUCCEEDED; then exits.
 *
 * Both run the real emulator (SQLite store, HTTP on 127.0.0.1); tokens go through a file.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStepFunctionsServer } from '../workflows/emulator';
import { stateMachineArnOf, systemClock, type Clock } from '../workflows/engine';

/** A task timeout long enough never to fire during the benchmark; its timer marks a parked task. */
const TASK_TIMEOUT_SECONDS = 86_400;
const PARKED_TIMER_MIN_MS = 3_600_000;
/** A parked process nobody killed exits after this long. */
const ORPHAN_EXIT_MS = 180_000;

const DEFINITION = {
  StartAt: 'Approve',
  States: {
    Approve: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'park', Payload: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
      TimeoutSeconds: TASK_TIMEOUT_SECONDS,
      ResultPath: '$.approval',
      Next: 'Done',
    },
    Done: { Type: 'Pass', End: true },
  },
};

const [mode, dataDir, countText] = process.argv.slice(2);
const count = Number(countText);
const tokensFile = join(dataDir, 'tokens.txt');

function report(label: string, value: Record<string, number>): void {
  process.stdout.write(`${label} ${JSON.stringify(value)}\n`);
}

/** Megabytes (10^6 bytes), one decimal. */
function mb(bytes: number): number {
  return Math.round(bytes / 100_000) / 10;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** The system clock, counting timers set far ahead: one per task waiting on its token. */
function countingClock(onParked: () => void): Clock {
  return {
    now: () => systemClock.now(),
    setTimer(dueAt, fire) {
      if (dueAt - Date.now() > PARKED_TIMER_MIN_MS) onParked();
      return systemClock.setTimer(dueAt, fire);
    },
  };
}

function idle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function park(): Promise<void> {
  collectGarbage();
  const baseline = process.memoryUsage().rss;
  let parked = 0;
  const tokens: string[] = [];
  const server = createStepFunctionsServer({
    dataDir,
    clock: countingClock(() => parked++),
    taskHandlers: { park: (input) => void tokens.push((input as { token: string }).token) },
  });
  await server.listen(0, '127.0.0.1');
  const { engine } = server;
  const stateMachineArn = stateMachineArnOf(engine.account, 'parked');
  engine.store.putStateMachine({
    arn: stateMachineArn,
    name: 'parked',
    type: 'STANDARD',
    definition: JSON.stringify(DEFINITION),
    roleArn: 'arn:aws:iam::123456789012:role/bench',
    createdAt: Date.now(),
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const result = engine.startExecution({ stateMachineArn, name: `order-${i}`, input: JSON.stringify({ order: i }) });
    if (!result.ok) throw new Error(result.message);
    if (i % 500 === 499) await idle(0);
  }
  // Each task sets two far timers: its invocation deadline, then its callback timeout.
  while (tokens.length < count || parked < 2 * count) await idle(5);
  const parkMs = performance.now() - started;
  await idle(50);
  engine.store.flush();
  appendFileSync(tokensFile, `${tokens.join('\n')}\n`);
  collectGarbage();
  const memory = process.memoryUsage();
  report('parked', {
    count: tokens.length,
    parkMs: Math.round(parkMs),
    rssMB: mb(memory.rss),
    baselineRssMB: mb(baseline),
    heapUsedMB: mb(memory.heapUsed),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  });
  // Wait for SIGKILL (and leave by itself should the benchmark be gone).
  setTimeout(() => process.exit(0), ORPHAN_EXIT_MS);
}

async function resume(): Promise<void> {
  const booted = performance.now();
  let parked = 0;
  let allParked: (() => void) | undefined;
  const parkedAll = new Promise<void>((resolve) => (allParked = resolve));
  const server = createStepFunctionsServer({
    dataDir,
    clock: countingClock(() => {
      if (++parked === count) allParked?.();
    }),
    taskHandlers: { park: () => undefined },
  });
  await server.listen(0, '127.0.0.1');
  const recovered = performance.now();
  const { engine } = server;
  const active = engine.activeExecutions;
  await parkedAll;
  const reparked = performance.now();
  report('reparked', {
    relaunched: active,
    reparked: parked,
    sinceProcessStartMs: Math.round(reparked),
    bootToRecoveredMs: Math.round(recovered - booted),
    bootToReparkedMs: Math.round(reparked - booted),
  });
  const tokens = readFileSync(tokensFile, 'utf8').split('\n').filter(Boolean);
  const arns = engine.store.listExecutions({ status: 'RUNNING' }).map((record) => record.arn);
  for (const token of tokens) {
    const result = engine.sendTaskCallback(token, { kind: 'outcome', outcome: { status: 'succeeded', output: { approved: true } } });
    if (!result.ok) throw new Error(result.message);
  }
  const finished = await Promise.all(arns.map((arn) => engine.waitForExecution(arn)));
  report('completed', {
    succeeded: finished.filter((record) => record.status === 'SUCCEEDED').length,
    callbacksToSucceededMs: Math.round(performance.now() - reparked),
  });
  await server.close();
}

(mode === 'park' ? park() : resume()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
