/**
 * Map Runs of Distributed Map states through the real SDK client against the real server: child
 * executions listed by mapRunArn with their own histories, DescribeMapRun's counts, ListMapRuns,
 * UpdateMapRun while a run is in progress, tolerated failures, refusals, and a run that survives
 * kill -9. Shapes follow the API reference (DescribeMapRun, ListMapRuns, UpdateMapRun,
 * ListExecutions, DescribeExecution) and, for DescribeMapRun's counts, LocalStack's AWS-validated
 * snapshot tests/aws/services/stepfunctions/v2/test_sfn_api_map_run.snapshot.json.
 */
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  UpdateMapRunCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { createFakeClock } from '../../helpers/fake-clock';
import { eventually } from '../../helpers/eventually';
import { createSfnClient, errorOf } from '../../helpers/sfn-client';
import { CAN_LAUNCH_EMULATOR, killed, launchEmulator } from '../../helpers/emulator-child';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const ACCOUNT = 'arn:aws:states:us-east-1:123456789012';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const runIfTsx = CAN_LAUNCH_EMULATOR ? it : it.skip;

/** A DISTRIBUTED ItemProcessor with the given states. */
const processor = (states: Record<string, unknown>, startAt: string) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: startAt,
  States: states,
});

/** A machine whose only state is a distributed Map labelled `Fan`. */
const fanOut = (map: Record<string, unknown>) => ({ StartAt: 'Fan', States: { Fan: { Type: 'Map', Label: 'Fan', End: true, ...map } } });

/** Items whose `fail` is true end in a Fail state (Error `Bad`); the others pass. */
const FAIL_WHEN_ASKED = processor(
  {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.fail', BooleanEquals: true, Next: 'Broken' }], Default: 'Fine' },
    Broken: { Type: 'Fail', Error: 'Bad', Cause: 'asked to fail' },
    Fine: { Type: 'Pass', End: true },
  },
  'Check',
);

/** Each child waits 10 s (fake clock), then passes its input on. */
const SLOW = processor({ Pause: { Type: 'Wait', Seconds: 10, Next: 'Done' }, Done: { Type: 'Pass', End: true } }, 'Pause');

async function historyOf(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
}

/** The first value `read` gives that `accept` takes. */
function readUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  return eventually(
    async () => {
      const value = await read();
      return accept(value) ? value : undefined;
    },
    { timeout: 10_000, interval: 5, what: 'the map run to get there' },
  );
}

describe('Map Runs of distributed Map states', () => {
  let emulator: RunningEmulator;
  let client: SFNClient;
  const clock = createFakeClock();

  beforeEach(async () => {
    emulator = await startEmulator({ clock });
    client = emulator.client;
  });

  afterEach(async () => {
    await emulator.stop();
  });

  async function deploy(name: string, definition: unknown): Promise<string> {
    const created = await client.send(new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: ROLE }));
    return created.stateMachineArn!;
  }

  async function start(stateMachineArn: string, input: unknown): Promise<string> {
    return (await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }))).executionArn!;
  }

  const closed = (executionArn: string) =>
    readUntil(
      () => client.send(new DescribeExecutionCommand({ executionArn })),
      (described) => described.status !== 'RUNNING',
    );

  const mapRunOf = async (executionArn: string) => {
    const { mapRuns } = await readUntil(
      () => client.send(new ListMapRunsCommand({ executionArn })),
      (listed) => (listed.mapRuns ?? []).length > 0,
    );
    return mapRuns![0].mapRunArn!;
  };

  const children = async (mapRunArn: string) => (await client.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];

  it('runs each item as a child execution listed by mapRunArn, with its own input, output and history', async () => {
    const machine = await deploy(
      'orders',
      fanOut({
        ItemSelector: { 'value.$': '$$.Map.Item.Value' },
        ItemProcessor: processor(
          { Double: { Type: 'Pass', Parameters: { 'value.$': 'States.MathAdd($.value, $.value)' }, End: true } },
          'Double',
        ),
      }),
    );

    const executionArn = await start(machine, [1, 2, 3]);
    const parent = await closed(executionArn);
    const mapRunArn = await mapRunOf(executionArn);
    const listed = await children(mapRunArn);
    const described = await Promise.all(
      listed.map((child) => client.send(new DescribeExecutionCommand({ executionArn: child.executionArn }))),
    );
    const histories = await Promise.all(listed.map((child) => historyOf(client, child.executionArn!)));
    const ofMachine = await client.send(new ListExecutionsCommand({ stateMachineArn: machine }));
    const forChild = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn: listed[0].executionArn }));

    expect(parent.status).toBe('SUCCEEDED');
    expect(JSON.parse(parent.output!)).toStrictEqual([{ value: 2 }, { value: 4 }, { value: 6 }]);
    expect((await historyOf(client, executionArn)).map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(mapRunArn).toMatch(new RegExp(`^${ACCOUNT}:mapRun:orders/Fan:${UUID}$`));
    expect(listed).toHaveLength(3);
    for (const child of listed) {
      expect(child).toMatchObject({ stateMachineArn: `${ACCOUNT}:stateMachine:orders/Fan`, status: 'SUCCEEDED', mapRunArn, itemCount: 1 });
      expect(child.executionArn).toMatch(new RegExp(`^${ACCOUNT}:execution:orders/Fan:${UUID}$`));
    }
    expect(
      described
        .map((child) => [JSON.parse(child.input!), JSON.parse(child.output!), child.mapRunArn])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toStrictEqual([
      [{ value: 1 }, { value: 2 }, mapRunArn],
      [{ value: 2 }, { value: 4 }, mapRunArn],
      [{ value: 3 }, { value: 6 }, mapRunArn],
    ]);
    for (const history of histories) {
      expect(history.map((event) => [event.id, event.type])).toStrictEqual([
        [1, 'ExecutionStarted'],
        [2, 'PassStateEntered'],
        [3, 'PassStateExited'],
        [4, 'ExecutionSucceeded'],
      ]);
    }
    expect(ofMachine.executions?.map((execution) => execution.executionArn)).toStrictEqual([executionArn]);
    expect(forChild).toMatchObject({ mapRunArn, label: 'Fan', stateMachineArn: `${ACCOUNT}:stateMachine:orders/Fan` });
    expect(JSON.parse(forChild.definition!)).toMatchObject({ StartAt: 'Double' });
  });

  it('reports the settings, dates and item and execution counts in DescribeMapRun (one child per batch)', async () => {
    const machine = await deploy(
      'batches',
      fanOut({ ItemBatcher: { MaxItemsPerBatch: 2 }, ItemProcessor: processor({ Keep: { Type: 'Pass', End: true } }, 'Keep') }),
    );

    const executionArn = await start(machine, ['a', 'b', 'c', 'd', 'e']);
    await closed(executionArn);
    const mapRunArn = await mapRunOf(executionArn);
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));
    const listed = await children(mapRunArn);

    const counts = { pending: 0, running: 0, failed: 0, timedOut: 0, aborted: 0, failuresNotRedrivable: 0, pendingRedrive: 0 };
    expect(described).toMatchObject({
      mapRunArn,
      executionArn,
      status: 'SUCCEEDED',
      maxConcurrency: 0,
      toleratedFailureCount: 0,
      toleratedFailurePercentage: 0,
      itemCounts: { ...counts, succeeded: 5, resultsWritten: 5, total: 5 },
      executionCounts: { ...counts, succeeded: 3, resultsWritten: 3, total: 3 },
      redriveCount: 0,
    });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(described.stopDate).toBeInstanceOf(Date);
    expect(listed.map((child) => child.itemCount).sort()).toStrictEqual([1, 2, 2]);
  });

  it('tolerates failed items within ToleratedFailureCount: the failed child has its error, the Map its Error and Cause', async () => {
    const machine = await deploy('tolerant', fanOut({ ToleratedFailureCount: 1, ItemProcessor: FAIL_WHEN_ASKED }));

    const executionArn = await start(machine, [{ fail: false }, { fail: true }, { fail: false }]);
    const parent = await closed(executionArn);
    const mapRunArn = await mapRunOf(executionArn);
    const failed = await client.send(new ListExecutionsCommand({ mapRunArn, statusFilter: 'FAILED' }));
    const child = await client.send(new DescribeExecutionCommand({ executionArn: failed.executions![0].executionArn }));
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));

    expect(parent.status).toBe('SUCCEEDED');
    expect(JSON.parse(parent.output!)).toStrictEqual([{ fail: false }, { Error: 'Bad', Cause: 'asked to fail' }, { fail: false }]);
    expect(failed.executions).toHaveLength(1);
    expect(child).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'asked to fail', mapRunArn });
    expect((await historyOf(client, child.executionArn!)).map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'FailStateEntered',
      'ExecutionFailed',
    ]);
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      toleratedFailureCount: 1,
      itemCounts: { succeeded: 2, failed: 1, total: 3 },
      executionCounts: { succeeded: 2, failed: 1, total: 3 },
    });
  });

  it('fails the Map Run with States.ExceedToleratedFailureThreshold once the failures exceed the tolerance, starting no more children', async () => {
    const machine = await deploy('intolerant', fanOut({ MaxConcurrency: 1, ToleratedFailureCount: 1, ItemProcessor: FAIL_WHEN_ASKED }));
    const items = [false, true, false, true, false].map((fail) => ({ fail }));

    const executionArn = await start(machine, items);
    const parent = await closed(executionArn);
    const mapRunArn = await mapRunOf(executionArn);
    const history = await historyOf(client, executionArn);
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));

    expect(parent).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    expect(history.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunFailed',
      'MapStateFailed',
      'ExecutionFailed',
    ]);
    expect(history[4].mapRunFailedEventDetails).toStrictEqual({
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    });
    expect(described).toMatchObject({
      status: 'FAILED',
      itemCounts: { succeeded: 2, failed: 2, pending: 1, resultsWritten: 0, total: 5 },
      executionCounts: { succeeded: 2, failed: 2, pending: 0, total: 4 },
    });
    expect(await children(mapRunArn)).toHaveLength(4);
  });

  it('applies UpdateMapRun maxConcurrency to the children not started yet', async () => {
    const machine = await deploy('throttled', fanOut({ MaxConcurrency: 1, ItemProcessor: SLOW }));
    const executionArn = await start(machine, [1, 2, 3, 4]);
    const mapRunArn = await mapRunOf(executionArn);
    const before = await readUntil(
      () => children(mapRunArn),
      (listed) => listed.length === 1,
    );

    await client.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3 }));
    const after = await readUntil(
      () => children(mapRunArn),
      (listed) => listed.length === 3,
    );
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));
    await clock.advance(10_000);
    const fourth = await readUntil(
      () => children(mapRunArn),
      (listed) => listed.length === 4,
    );
    await clock.advance(10_000);
    const parent = await closed(executionArn);

    expect(before.map((child) => child.status)).toStrictEqual(['RUNNING']);
    expect(after.map((child) => child.status)).toStrictEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(described).toMatchObject({
      status: 'RUNNING',
      maxConcurrency: 3,
      itemCounts: { running: 3, pending: 1, total: 4 },
      executionCounts: { running: 3, total: 3 },
    });
    expect(described.stopDate).toBeUndefined();
    expect(fourth.filter((child) => child.status === 'RUNNING')).toHaveLength(1);
    expect(parent.status).toBe('SUCCEEDED');
    expect(parent.stopDate!.getTime() - parent.startDate!.getTime()).toBe(20_000);
  });

  it('applies UpdateMapRun tolerated failures to a running Map Run', async () => {
    const processorThatWaits = processor({ Pause: { Type: 'Wait', Seconds: 10, Next: 'Check' }, ...FAIL_WHEN_ASKED.States }, 'Pause');
    const machine = await deploy('forgiving', fanOut({ MaxConcurrency: 1, ItemProcessor: processorThatWaits }));
    const executionArn = await start(machine, [{ fail: false }, { fail: true }]);
    const mapRunArn = await mapRunOf(executionArn);

    await client.send(new UpdateMapRunCommand({ mapRunArn, toleratedFailureCount: 1, toleratedFailurePercentage: 50 }));
    await clock.advance(10_000);
    await readUntil(
      () => children(mapRunArn),
      (listed) => listed.length === 2,
    );
    await clock.advance(10_000);
    const parent = await closed(executionArn);
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));

    expect(parent.status).toBe('SUCCEEDED');
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      toleratedFailureCount: 1,
      toleratedFailurePercentage: 50,
      itemCounts: { succeeded: 1, failed: 1 },
    });
  });

  it('lists every Map Run of an execution with ListMapRuns, oldest first', async () => {
    const keep = processor({ Keep: { Type: 'Pass', End: true } }, 'Keep');
    const machine = await deploy('twice', {
      StartAt: 'First',
      States: {
        First: { Type: 'Map', Label: 'First', ItemProcessor: keep, ResultPath: null, Next: 'Later' },
        Later: { Type: 'Wait', Seconds: 1, Next: 'Second' },
        Second: { Type: 'Map', Label: 'Second', ItemProcessor: keep, End: true },
      },
    });
    const executionArn = await start(machine, [1]);
    await readUntil(
      () => client.send(new ListMapRunsCommand({ executionArn })),
      (listed) => listed.mapRuns?.length === 1,
    );
    await clock.advance(1_000);
    await closed(executionArn);

    const { mapRuns } = await client.send(new ListMapRunsCommand({ executionArn }));
    const paged = await client.send(new ListMapRunsCommand({ executionArn, maxResults: 1 }));

    expect(mapRuns?.map((run) => [run.stateMachineArn, run.executionArn])).toStrictEqual([
      [`${ACCOUNT}:stateMachine:twice/First`, executionArn],
      [`${ACCOUNT}:stateMachine:twice/Second`, executionArn],
    ]);
    expect(mapRuns![0].startDate!.getTime()).toBeLessThan(mapRuns![1].startDate!.getTime());
    expect(mapRuns!.every((run) => run.stopDate instanceof Date)).toBe(true);
    expect(paged.mapRuns).toHaveLength(1);
    expect(paged.nextToken).toBeDefined();
  });

  it('aborts the running children when the parent execution is stopped', async () => {
    const machine = await deploy('stoppable', fanOut({ ItemProcessor: SLOW }));
    const executionArn = await start(machine, [1, 2]);
    const mapRunArn = await mapRunOf(executionArn);
    await readUntil(
      () => children(mapRunArn),
      (listed) => listed.length === 2,
    );

    await client.send(new StopExecutionCommand({ executionArn }));
    const listed = await children(mapRunArn);
    const described = await client.send(new DescribeMapRunCommand({ mapRunArn }));

    expect(listed.map((child) => child.status)).toStrictEqual(['ABORTED', 'ABORTED']);
    expect(described).toMatchObject({ status: 'ABORTED', executionCounts: { aborted: 2, total: 2 }, itemCounts: { aborted: 2, total: 2 } });
    expect((await historyOf(client, executionArn)).map((event) => event.type).slice(-4)).toStrictEqual([
      'MapRunStarted',
      'MapRunAborted',
      'MapStateAborted',
      'ExecutionAborted',
    ]);
  });

  it.each([
    [
      'DescribeMapRun of an unknown Map Run',
      () => new DescribeMapRunCommand({ mapRunArn: `${ACCOUNT}:mapRun:nope/Fan:00000000-0000-0000-0000-000000000000` }),
      'ResourceNotFound',
    ],
    ['DescribeMapRun of a malformed ARN', () => new DescribeMapRunCommand({ mapRunArn: 'not-an-arn' }), 'InvalidArn'],
    [
      'UpdateMapRun of an unknown Map Run',
      () => new UpdateMapRunCommand({ mapRunArn: `${ACCOUNT}:mapRun:nope/Fan:00000000-0000-0000-0000-000000000000`, maxConcurrency: 1 }),
      'ResourceNotFound',
    ],
    [
      'ListExecutions of an unknown Map Run',
      () => new ListExecutionsCommand({ mapRunArn: `${ACCOUNT}:mapRun:nope/Fan:00000000-0000-0000-0000-000000000000` }),
      'ResourceNotFound',
    ],
    [
      'ListMapRuns of an unknown execution',
      () => new ListMapRunsCommand({ executionArn: `${ACCOUNT}:execution:nope:run` }),
      'ExecutionDoesNotExist',
    ],
  ] as const)('refuses %s', async (_, command, name) => {
    const refusal = await errorOf(client.send(command() as never));

    expect(refusal.name).toBe(name);
  });

  it.each([
    [
      { maxConcurrency: -1 },
      "Value '-1' at 'maxConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      { toleratedFailureCount: -1 },
      "Value '-1' at 'toleratedFailureCount' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      { toleratedFailurePercentage: 100.5 },
      "Value '100.5' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100",
    ],
  ])('refuses UpdateMapRun %j with ValidationException', async (settings, message) => {
    const machine = await deploy(`invalid-${Object.keys(settings)[0]}`, fanOut({ ItemProcessor: SLOW }));
    const executionArn = await start(machine, [1]);
    const mapRunArn = await mapRunOf(executionArn);

    const refusal = await errorOf(client.send(new UpdateMapRunCommand({ mapRunArn, ...settings })));

    expect(refusal).toStrictEqual({ name: 'ValidationException', message: `1 validation error detected: ${message}` });
    await client.send(new StopExecutionCommand({ executionArn }));
  });

  it('refuses UpdateMapRun of a Map Run that has ended', async () => {
    const machine = await deploy('ended', fanOut({ ItemProcessor: processor({ Keep: { Type: 'Pass', End: true } }, 'Keep') }));
    const executionArn = await start(machine, [1]);
    await closed(executionArn);
    const mapRunArn = await mapRunOf(executionArn);

    const refusal = await errorOf(client.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 5 })));

    expect(refusal.name).toBe('ValidationException');
  });
});

describe('a Map Run across a restart of the server', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-map-runs-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues with the children and the settings it had: none is started twice', async () => {
    const first = await startEmulator({ dataDir, clock: createFakeClock() });
    const definition = fanOut({ MaxConcurrency: 1, ItemProcessor: SLOW });
    const { stateMachineArn } = await first.client.send(
      new CreateStateMachineCommand({ name: 'durable', definition: JSON.stringify(definition), roleArn: ROLE }),
    );
    const { executionArn } = await first.client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify([1, 2, 3, 4]) }));
    const { mapRuns } = await readUntil(
      () => first.client.send(new ListMapRunsCommand({ executionArn })),
      (listed) => listed.mapRuns?.length === 1,
    );
    const mapRunArn = mapRuns![0].mapRunArn!;
    await first.client.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 2 }));
    await readUntil(
      () => first.client.send(new ListExecutionsCommand({ mapRunArn })),
      (listed) => listed.executions?.length === 2,
    );
    await first.stop();

    const clock = createFakeClock();
    const second = await startEmulator({ dataDir, clock });
    const resumed = await second.client.send(new DescribeMapRunCommand({ mapRunArn }));
    await clock.advance(10_000);
    await readUntil(
      () => second.client.send(new ListExecutionsCommand({ mapRunArn })),
      (listed) => listed.executions?.length === 4,
    );
    await clock.advance(10_000);
    const parent = await readUntil(
      () => second.client.send(new DescribeExecutionCommand({ executionArn })),
      (described) => described.status !== 'RUNNING',
    );
    const listed = (await second.client.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
    const histories = await Promise.all(listed.map((child) => historyOf(second.client, child.executionArn!)));
    const described = await second.client.send(new DescribeMapRunCommand({ mapRunArn }));
    const parentHistory = await historyOf(second.client, executionArn!);
    await second.stop();

    expect(resumed).toMatchObject({ status: 'RUNNING', maxConcurrency: 2, executionCounts: { running: 2, total: 2 } });
    expect(parent.status).toBe('SUCCEEDED');
    expect(JSON.parse(parent.output!)).toStrictEqual([1, 2, 3, 4]);
    expect(listed.map((child) => child.status)).toStrictEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    for (const history of histories) {
      expect(history.map((event) => [event.id, event.type])).toStrictEqual([
        [1, 'ExecutionStarted'],
        [2, 'WaitStateEntered'],
        [3, 'WaitStateExited'],
        [4, 'PassStateEntered'],
        [5, 'PassStateExited'],
        [6, 'ExecutionSucceeded'],
      ]);
    }
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      itemCounts: { succeeded: 4, total: 4 },
      executionCounts: { succeeded: 4, total: 4 },
    });
    expect(parentHistory.map((event) => [event.id, event.type])).toStrictEqual([
      [1, 'ExecutionStarted'],
      [2, 'MapStateEntered'],
      [3, 'MapStateStarted'],
      [4, 'MapRunStarted'],
      [5, 'MapRunSucceeded'],
      [6, 'MapStateSucceeded'],
      [7, 'MapStateExited'],
      [8, 'ExecutionSucceeded'],
    ]);
  });
});

describe('a Map Run across kill -9 of the emulator process', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-map-runs-crash-'));
  });

  afterEach(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  runIfTsx(
    'finishes the Map Run after the restart, each child once (a task in flight may run again)',
    async () => {
      const logFile = join(dataDir, 'calls.log');
      const work = {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'record', Payload: { 'step.$': "States.Format('item-{}', $.id)", delayMs: 1500 } },
        ResultSelector: { 'step.$': '$.Payload.step' },
        End: true,
      };
      const definition = fanOut({ MaxConcurrency: 2, ItemProcessor: processor({ Work: work }, 'Work') });
      const first = await launchEmulator(dataDir, logFile);
      child = first.child;
      const client = createSfnClient(first.endpoint);
      const { stateMachineArn } = await client.send(
        new CreateStateMachineCommand({ name: 'crashy-map', definition: JSON.stringify(definition), roleArn: ROLE }),
      );
      const { executionArn } = await client.send(
        new StartExecutionCommand({ stateMachineArn, input: JSON.stringify([1, 2, 3, 4].map((id) => ({ id }))) }),
      );
      await eventually(() => existsSync(logFile) && readFileSync(logFile, 'utf8').includes('item-'), {
        timeout: 30_000,
        interval: 20,
        what: 'a child to start its task',
      });
      await killed(first.child);
      client.destroy();
      const beforeKill = new Set(readFileSync(logFile, 'utf8').trim().split('\n'));

      const second = await launchEmulator(dataDir, logFile);
      child = second.child;
      const again = createSfnClient(second.endpoint);
      const parent = await readUntil(
        () => again.send(new DescribeExecutionCommand({ executionArn })),
        (described) => described.status !== 'RUNNING',
      );
      const parentHistory = await historyOf(again, executionArn!);
      const { mapRuns } = await again.send(new ListMapRunsCommand({ executionArn }));
      const mapRunArn = mapRuns![0].mapRunArn!;
      const listed = (await again.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
      const histories = await Promise.all(listed.map((each) => historyOf(again, each.executionArn!)));
      const described = await again.send(new DescribeMapRunCommand({ mapRunArn }));
      again.destroy();

      expect(parent.status).toBe('SUCCEEDED');
      expect(JSON.parse(parent.output!)).toStrictEqual([1, 2, 3, 4].map((id) => ({ step: `item-${id}` })));
      expect(parentHistory.map((event) => [event.id, event.type])).toStrictEqual([
        [1, 'ExecutionStarted'],
        [2, 'MapStateEntered'],
        [3, 'MapStateStarted'],
        [4, 'MapRunStarted'],
        [5, 'MapRunSucceeded'],
        [6, 'MapStateSucceeded'],
        [7, 'MapStateExited'],
        [8, 'ExecutionSucceeded'],
      ]);
      expect(listed.map((each) => each.status)).toStrictEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
      for (const history of histories) {
        expect(history.map((event) => [event.id, event.type])).toStrictEqual([
          [1, 'ExecutionStarted'],
          [2, 'TaskStateEntered'],
          [3, 'TaskScheduled'],
          [4, 'TaskStarted'],
          [5, 'TaskSucceeded'],
          [6, 'TaskStateExited'],
          [7, 'ExecutionSucceeded'],
        ]);
      }
      expect(described).toMatchObject({
        status: 'SUCCEEDED',
        itemCounts: { succeeded: 4, total: 4 },
        executionCounts: { succeeded: 4, total: 4 },
      });
      const calls = readFileSync(logFile, 'utf8').trim().split('\n');
      for (const id of [1, 2, 3, 4]) {
        expect(calls.filter((call) => call === `item-${id}`).length).toBeGreaterThanOrEqual(1);
        expect(calls.filter((call) => call === `item-${id}`).length).toBeLessThanOrEqual(2);
      }
      // Children not started before the kill were started once, after the restart.
      for (const call of new Set(calls)) if (!beforeKill.has(call)) expect(calls.filter((each) => each === call)).toHaveLength(1);
      expect(beforeKill.size).toBeLessThanOrEqual(2);
    },
    60_000,
  );
});
