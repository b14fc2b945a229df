/**
 * Replays the executions recorded on real AWS (../shared/conformance) through the Step Functions
 * API against the emulator (SQLite store). Every case must pass except those listed, with a
 * reason, in test/fixtures/conformance-known-failures.json — and those must still fail, so the
 * list cannot go stale. The emulator's clock runs ten times faster than the wall clock (as
 * `statecraft engine --time-scale 10`): retry intervals, Wait states and timeouts keep their order
 * but take a tenth of the time, and the recordings hold no timestamps to compare.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ScaledClock } from '../../../workflows/engine';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { missingConformanceCases } from '../../helpers/missing-conformance-cases';

const ROOT = resolve(__dirname, '../../..');
const CONFORMANCE = resolve(ROOT, '../shared/conformance');
const RUNNER = join(CONFORMANCE, 'run.mjs');
/** Virtual milliseconds per real one: the slowest cases (retries, a 5-second execution timeout) took 5–7 s of real time at ×1. */
const TIME_SCALE = 10;
const KNOWN_FAILURES = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/conformance-known-failures.json'), 'utf8')) as Record<
  string,
  string
>;

type CaseResult = { id: string; pass: boolean; reason: string | null };
type Report = { passed: number; failed: number; results: CaseResult[] };

function runConformance(endpoint: string, reportFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [RUNNER, '--endpoint', endpoint, '--cases', join(CONFORMANCE, 'cases'), '--json', reportFile, '--concurrency', '16'],
      {
        cwd: ROOT,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

const present = existsSync(RUNNER) && existsSync(join(CONFORMANCE, 'cases'));
const runIfPresent = present ? it : it.skip;

describe('conformance with executions recorded on AWS', () => {
  if (!present) missingConformanceCases(join(CONFORMANCE, 'cases'));
  let emulator: RunningEmulator;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-conformance-'));
    emulator = await startEmulator({ dataDir, clock: new ScaledClock({ scale: TIME_SCALE, anchor: Date.now() }) });
  });

  afterAll(async () => {
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  runIfPresent(
    'passes every recorded case except the known failures, which still fail',
    async () => {
      const reportFile = join(dataDir, 'report.json');

      const { code, output } = await runConformance(emulator.endpoint, reportFile);

      expect({ code, tail: output.split('\n').slice(-3).join('\n') }).toMatchObject({ code: 0 });
      const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
      const unexpected = report.results
        .filter((result) => !result.pass && !(result.id in KNOWN_FAILURES))
        .map((result) => `${result.id}: ${result.reason}`);
      const stale = Object.keys(KNOWN_FAILURES).filter((id) => report.results.find((result) => result.id === id)?.pass !== false);
      expect(unexpected).toStrictEqual([]);
      expect(stale).toStrictEqual([]);
      expect(report.results.length).toBeGreaterThanOrEqual(520);
    },
    15 * 60 * 1000,
  );
});
