/**
 * kill -9 and restart: every execution of a killed emulator process finishes exactly once after
 * the restart, with tasks in flight invoked again and finished ones not.
 */
import { CreateStateMachineCommand, GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSfnClient, untilClosed } from '../../helpers/sfn-client';
import { CAN_LAUNCH_EMULATOR, killed, launchEmulator } from '../../helpers/emulator-child';
import { eventually } from '../../helpers/eventually';

const EXECUTIONS = 6;

const task = (step: string, delayMs: number) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'record', Payload: { 'step.$': `States.Format('{}-${step}', $$.Execution.Name)`, delayMs } },
  ResultPath: null,
});

const DEFINITION = {
  StartAt: 'First',
  States: {
    First: { ...task('first', 0), Next: 'Pause' },
    Pause: { Type: 'Wait', Seconds: 1, Next: 'Slow' },
    Slow: { ...task('slow', 1500), Next: 'Fan' },
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 1,
      ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
      ResultPath: '$.fanned',
      Next: 'Last',
    },
    Last: { ...task('last', 0), End: true },
  },
};

const EXPECTED_TYPES = [
  'ExecutionStarted',
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSucceeded',
  'TaskStateExited',
  'WaitStateEntered',
  'WaitStateExited',
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSucceeded',
  'TaskStateExited',
  'MapStateEntered',
  'MapStateStarted',
  'MapIterationStarted',
  'PassStateEntered',
  'PassStateExited',
  'MapIterationSucceeded',
  'MapIterationStarted',
  'PassStateEntered',
  'PassStateExited',
  'MapIterationSucceeded',
  'MapStateSucceeded',
  'MapStateExited',
  'TaskStateEntered',
  'TaskScheduled',
  'TaskStarted',
  'TaskSucceeded',
  'TaskStateExited',
  'ExecutionSucceeded',
];

const runIfTsx = CAN_LAUNCH_EMULATOR ? it : it.skip;

describe('crash recovery of the emulator process', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-crash-'));
  });

  afterEach(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  runIfTsx(
    'finishes every execution exactly once after SIGKILL and restart',
    async () => {
      const logFile = join(dataDir, 'calls.log');
      const first = await launchEmulator(dataDir, logFile);
      child = first.child;
      const client = createSfnClient(first.endpoint);
      const { stateMachineArn } = await client.send(
        new CreateStateMachineCommand({
          name: 'crashy',
          definition: JSON.stringify(DEFINITION),
          roleArn: 'arn:aws:iam::123456789012:role/test',
        }),
      );
      const arns: string[] = [];
      for (let i = 0; i < EXECUTIONS; i++) {
        const started = await client.send(
          new StartExecutionCommand({ stateMachineArn, name: `run${i}`, input: JSON.stringify({ items: [1, 2] }) }),
        );
        arns.push(started.executionArn!);
      }
      await eventually(() => readFileSync(logFile, 'utf8').includes('-slow'), {
        timeout: 30_000,
        interval: 20,
        what: 'the slow task to start',
      });
      await killed(first.child);
      client.destroy();

      const second = await launchEmulator(dataDir, logFile);
      child = second.child;
      const again = createSfnClient(second.endpoint);
      const outcomes = await Promise.all(arns.map((arn) => untilClosed(again, arn)));
      const histories = await Promise.all(
        arns.map((executionArn) => again.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))),
      );
      again.destroy();

      expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(arns.map(() => 'SUCCEEDED'));
      for (const history of histories) {
        expect(history.events?.map((event) => event.type)).toStrictEqual(EXPECTED_TYPES);
        expect(history.events?.map((event) => event.id)).toStrictEqual(EXPECTED_TYPES.map((_, index) => index + 1));
      }
      const calls = readFileSync(logFile, 'utf8').trim().split('\n');
      for (let i = 0; i < EXECUTIONS; i++) {
        expect(calls.filter((call) => call === `run${i}-first`)).toHaveLength(1);
        expect(calls.filter((call) => call === `run${i}-last`)).toHaveLength(1);
        expect(calls.filter((call) => call === `run${i}-slow`).length).toBeGreaterThanOrEqual(1);
        expect(calls.filter((call) => call === `run${i}-slow`).length).toBeLessThanOrEqual(2);
      }
    },
    60_000,
  );
});
