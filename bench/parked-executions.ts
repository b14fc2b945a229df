/**
 * The parked-executions figures of the engine benchmark: a child emulator process parks N
 * executions on task tokens (its RSS is reported), is killed with SIGKILL, and a restarted child
 * reports when every execution waits on its token again and when all have finished after their
 * callbacks. Each child is bounded in time and killed if it overruns.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');
const TSX_LOADER = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const ENTRY = join(ROOT, 'bench/parked-executions-process.ts');
/** No child may run longer than this. */
const CHILD_TIME_LIMIT_MS = 180_000;

/** What the two children reported, plus the restart time seen from outside. */
export type ParkedFigures = {
  parked: Record<string, number>;
  reparked: Record<string, number>;
  completed: Record<string, number>;
  /** From spawning the restarted process to its report that every execution waits on its token again. */
  spawnToReparkedMs: number;
};

type Report = { value: Record<string, number>; at: number };
type Running = { child: ChildProcess; report(label: string): Promise<Report> };

function launch(mode: 'park' | 'resume', dataDir: string, count: number): Running {
  // Node itself runs the child (tsx as a loader), so SIGKILL reaches the process holding the executions.
  const child = spawn(process.execPath, ['--expose-gc', '--import', pathToFileURL(TSX_LOADER).href, ENTRY, mode, dataDir, String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const limit = setTimeout(() => child.kill('SIGKILL'), CHILD_TIME_LIMIT_MS);
  child.once('exit', () => clearTimeout(limit));
  const reports = new Map<string, Report>();
  const waiting = new Map<string, (report: Report) => void>();
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const at = performance.now();
    text += chunk.toString();
    let newline = text.indexOf('\n');
    for (; newline >= 0; newline = text.indexOf('\n')) {
      const match = /^(\w+) (\{.*\})$/.exec(text.slice(0, newline));
      text = text.slice(newline + 1);
      if (!match) continue;
      const report = { value: JSON.parse(match[2]) as Record<string, number>, at };
      reports.set(match[1], report);
      waiting.get(match[1])?.(report);
    }
  });
  const exit = new Promise<never>((_, fail) =>
    child.once('exit', (code, signal) => fail(new Error(`${mode} process exited (${code ?? signal})`))),
  );
  exit.catch(() => undefined);
  return {
    child,
    report(label) {
      const known = reports.get(label);
      if (known) return Promise.resolve(known);
      return Promise.race([new Promise<Report>((done) => waiting.set(label, done)), exit]);
    },
  };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

/** Parks `count` executions in one process, kills it with SIGKILL and measures the restart. */
export async function measureParkedExecutions(count: number): Promise<ParkedFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-bench-parked-'));
  try {
    const parking = launch('park', dataDir, count);
    const parked = await parking.report('parked');
    const killed = exited(parking.child);
    parking.child.kill('SIGKILL');
    await killed;
    const spawnedAt = performance.now();
    const resuming = launch('resume', dataDir, count);
    const reparked = await resuming.report('reparked');
    const completed = await resuming.report('completed');
    await exited(resuming.child);
    return {
      parked: parked.value,
      reparked: reparked.value,
      completed: completed.value,
      spawnToReparkedMs: Math.round(reparked.at - spawnedAt),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
