/**
 * Our own ASL cases (test/fixtures/asl/<topic>/<case>.asl.json + <case>.expected.json) for what
 * the recorded AWS corpus lacks: callbacks, heartbeats, Lambda errors, redrive and durability.
 * Each case runs through the real SFN client against the emulator on a SQLite data dir and a
 * VirtualClock; the driver follows the case's `steps`, then the final status, output,
 * error/cause and exact event type sequence are asserted. Each expected file names the AWS page
 * its expectation comes from (`source`).
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { VirtualClock } from '../../../workflows/engine';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { eventually } from '../../helpers/eventually';
import { createFixtureTaskHandlers, type FixtureHandlerSpec, type FixtureTaskHandlers } from '../../helpers/fixture-task-handlers';

const FIXTURES = resolve(__dirname, '../../fixtures/asl');
const ROLE = 'arn:aws:iam::123456789012:role/own-cases';
/** Real-time bound on waiting for the emulator to reach a point (virtual time is driven by steps). */
const REAL_WAIT_MS = 5_000;

/** Which token a callback step uses: the latest or first one a handler saw, or a string that is no token. */
type TokenChoice = { token?: 'latest' | 'first' | 'not-a-token' };

/** What the driver does after StartExecution. */
type Step =
  | { waitFor: string; count?: number }
  | { waitForStatus: string }
  | ({ sendTaskSuccess: { output: unknown } } & TokenChoice)
  | ({ sendTaskFailure: { error?: string; cause?: string } } & TokenChoice)
  | ({ sendTaskHeartbeat: true } & TokenChoice)
  | { advance: number }
  | { restart: true }
  | { redrive: true };

type Expected = {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  /** A regular expression the cause must match (for causes carrying request ids). */
  causePattern?: string;
  /** The cause parsed as JSON; the string "<array>" stands for any array. */
  causeJson?: Record<string, unknown>;
  events: string[];
  /** Partial details of the first event of each listed type. */
  eventDetails?: Array<{ type: string; details: Record<string, unknown> }>;
  /** The AWS error names of the refused callback steps, in order (none when omitted). */
  callbackErrors?: string[];
  handlerCalls?: Record<string, number>;
  redriveCount?: number;
  /** Virtual seconds from start to stop. */
  durationSeconds?: number;
  /**
   * Set when the emulator is known to differ from the AWS behaviour this case expects: the case
   * then runs as `it.failing`, so it turns red once the engine is fixed and the note can go.
   */
  knownDifference?: string;
};

type OwnCase = {
  name: string;
  definition: string;
  /** The AWS documentation the expectation comes from, and the behaviour it pins. */
  source: { urls: string[]; behaviour: string };
  input?: unknown;
  handlers?: Record<string, FixtureHandlerSpec>;
  steps?: Step[];
  expected: Expected;
};

function findCases(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findCases(path);
    return entry.name.endsWith('.asl.json') ? [path] : [];
  });
}

function loadCase(aslFile: string): OwnCase {
  const base = aslFile.slice(0, -'.asl.json'.length);
  const fixture = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as Omit<OwnCase, 'name' | 'definition'>;
  return { name: relative(FIXTURES, base), definition: readFileSync(aslFile, 'utf8'), ...fixture };
}

const CASES = findCases(FIXTURES)
  .map(loadCase)
  .sort((a, b) => a.name.localeCompare(b.name));

/** The first value `probe` gives, polled in real time with a deadline. */
function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  return eventually(probe, { timeout: REAL_WAIT_MS, interval: 5, what });
}

async function historyOf(emulator: RunningEmulator, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await emulator.client.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

function tokenFor(step: TokenChoice, handlers: FixtureTaskHandlers): string {
  if (step.token === 'not-a-token') return 'not-a-token';
  const latest = step.token === 'first' ? handlers.tokens[0] : handlers.tokens.at(-1);
  if (!latest) throw new Error('no task token has been handed to a handler yet');
  return latest;
}

/** Sends a callback; AWS's refusal name is recorded instead of thrown. */
async function callback(send: () => Promise<unknown>, refusals: string[]): Promise<void> {
  try {
    await send();
  } catch (error) {
    refusals.push((error as Error).name);
  }
}

function detailsOf(event: HistoryEvent): Record<string, unknown> {
  const key = Object.keys(event).find((name) => name.endsWith('EventDetails'));
  return key ? ((event as unknown as Record<string, unknown>)[key] as Record<string, unknown>) : {};
}

function withArrayWildcards(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === '<array>' ? expect.any(Array) : item]));
}

/** Starts the emulator, drives the case's steps and asserts its expectations. */
async function runCase(own: OwnCase, dataDir: string): Promise<void> {
  const clock = new VirtualClock();
  const handlers = createFixtureTaskHandlers(own.handlers ?? {});
  const start = () => startEmulator({ dataDir, clock, taskHandlers: handlers.handlers });
  let emulator = await start();
  const refusals: string[] = [];
  let described: DescribeExecutionCommandOutput;
  let events: HistoryEvent[];
  try {
    const { stateMachineArn } = await emulator.client.send(
      new CreateStateMachineCommand({ name: own.name.replace(/\W/g, '-'), definition: own.definition, roleArn: ROLE }),
    );
    const { executionArn } = await emulator.client.send(
      new StartExecutionCommand({ stateMachineArn, input: own.input === undefined ? undefined : JSON.stringify(own.input) }),
    );
    const arn = executionArn!;
    const describe = () => emulator.client.send(new DescribeExecutionCommand({ executionArn: arn }));

    for (const step of own.steps ?? []) {
      if ('waitFor' in step) {
        const count = step.count ?? 1;
        await until(`${count} × ${step.waitFor}`, async () =>
          (await historyOf(emulator, arn)).filter((event) => event.type === step.waitFor).length >= count ? true : undefined,
        );
      } else if ('waitForStatus' in step) {
        await until(`status ${step.waitForStatus}`, async () => ((await describe()).status === step.waitForStatus ? true : undefined));
      } else if ('sendTaskSuccess' in step) {
        const command = new SendTaskSuccessCommand({
          taskToken: tokenFor(step, handlers),
          output: JSON.stringify(step.sendTaskSuccess.output),
        });
        await callback(() => emulator.client.send(command), refusals);
      } else if ('sendTaskFailure' in step) {
        const command = new SendTaskFailureCommand({ taskToken: tokenFor(step, handlers), ...step.sendTaskFailure });
        await callback(() => emulator.client.send(command), refusals);
      } else if ('sendTaskHeartbeat' in step) {
        const command = new SendTaskHeartbeatCommand({ taskToken: tokenFor(step, handlers) });
        await callback(() => emulator.client.send(command), refusals);
      } else if ('advance' in step) {
        await clock.advance(step.advance * 1000);
      } else if ('restart' in step) {
        await emulator.stop();
        emulator = await start();
      } else {
        handlers.fix();
        await emulator.client.send(new RedriveExecutionCommand({ executionArn: arn }));
      }
    }

    described = await until('the execution to close', async () => {
      const current = await describe();
      return current.status === 'RUNNING' ? undefined : current;
    });
    events = await historyOf(emulator, arn);
  } finally {
    await emulator.stop();
  }

  const { expected } = own;
  expect(events.map((event) => event.type)).toStrictEqual(expected.events);
  expect(described.status).toBe(expected.status);
  if ('output' in expected) expect(JSON.parse(described.output ?? 'null')).toStrictEqual(expected.output);
  if ('error' in expected) expect(described.error).toBe(expected.error);
  if ('cause' in expected) expect(described.cause).toBe(expected.cause);
  if (expected.causePattern) expect(described.cause).toMatch(new RegExp(expected.causePattern));
  if (expected.causeJson) expect(JSON.parse(described.cause ?? 'null')).toStrictEqual(withArrayWildcards(expected.causeJson));
  for (const { type, details } of expected.eventDetails ?? []) {
    const event = events.find((candidate) => candidate.type === type);
    expect(event && detailsOf(event)).toMatchObject(details);
  }
  expect(refusals).toStrictEqual(expected.callbackErrors ?? []);
  if (expected.handlerCalls) expect(handlers.calls).toStrictEqual(expected.handlerCalls);
  if (expected.redriveCount !== undefined) expect(described.redriveCount ?? 0).toBe(expected.redriveCount);
  if (expected.durationSeconds !== undefined) {
    expect((described.stopDate!.getTime() - described.startDate!.getTime()) / 1000).toBe(expected.durationSeconds);
  }
}

describe('our own ASL cases against the emulator', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-own-cases-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finds the fixture pairs', () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  it.each(CASES.filter((own) => !own.expected.knownDifference).map((own) => [own.name, own] as const))('%s', async (_name, own) => {
    await runCase(own, dataDir);
  });

  const differing = CASES.filter((own) => own.expected.knownDifference);
  if (differing.length) {
    it.failing.each(differing.map((own) => [own.name, own] as const))(
      '%s (known difference from AWS, still differs)',
      async (_name, own) => {
        await runCase(own, dataDir);
      },
    );
  }
});
