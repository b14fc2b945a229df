/**
 * Activities through the real SDK client against the real server: CRUD, worker loops
 * (GetActivityTask → SendTask*), timeouts, the idle long poll, restarts and every refusal.
 * Expected histories follow AWS's recorded activity executions (LocalStack's AWS-validated
 * snapshots tests/aws/services/stepfunctions/v2/activities) and the API reference.
 */
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { createFakeClock } from '../../helpers/fake-clock';
import { createSfnClient, untilClosed, errorOf } from '../../helpers/sfn-client';
import { eventually } from '../../helpers/eventually';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const ROOT = resolve(__dirname, '../../..');
const TSX_LOADER = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
const runIfTsx = existsSync(TSX_LOADER) ? it : it.skip;
const ACCOUNT = 'arn:aws:states:us-east-1:123456789012';

async function historyOf(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }))).events ?? [];
}

async function until(client: SFNClient, executionArn: string, type: string): Promise<void> {
  await eventually(async () => (await historyOf(client, executionArn)).some((event) => event.type === type), {
    interval: 5,
    what: `a ${type} event`,
  });
}

/** Starts test/helpers/emulator-process.ts in its own Node process (killable with SIGKILL) on `dataDir`. */
function launch(dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const entry = join(ROOT, 'test/helpers/emulator-process.ts');
  const child = spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, entry, dataDir, join(dataDir, 'calls.log')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening (\d+)/.exec(text);
      if (match) done({ child, endpoint: `http://127.0.0.1:${match[1]}` });
    });
    child.on('exit', (code) => fail(new Error(`emulator exited with ${code}`)));
  });
}

function activityMachine(activityArn: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, End: true, ...extra } } });
}

async function startMachine(client: SFNClient, name: string, definition: string, input = '{"job":1}'): Promise<string> {
  const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE }));
  const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, input }));
  return executionArn!;
}

describe('activities', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ activityPollTimeoutMs: 100 });
  });

  afterAll(() => emulator.stop());

  it('creates (idempotently by name), describes, lists in pages and deletes activities', async () => {
    const { client } = emulator;

    const created = await client.send(new CreateActivityCommand({ name: 'crud-a' }));
    const again = await client.send(new CreateActivityCommand({ name: 'crud-a', tags: [{ key: 'ignored', value: 'x' }] }));
    await client.send(new CreateActivityCommand({ name: 'crud-b' }));
    const described = await client.send(new DescribeActivityCommand({ activityArn: created.activityArn }));
    const first = await client.send(new ListActivitiesCommand({ maxResults: 1 }));
    const rest = await client.send(new ListActivitiesCommand({ maxResults: 1000, nextToken: first.nextToken }));
    await client.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
    await client.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
    const gone = await errorOf(client.send(new DescribeActivityCommand({ activityArn: created.activityArn })));

    expect(created.activityArn).toBe(`${ACCOUNT}:activity:crud-a`);
    expect(created.creationDate).toBeInstanceOf(Date);
    expect(again).toMatchObject({ activityArn: created.activityArn, creationDate: created.creationDate });
    expect(described).toMatchObject({ activityArn: created.activityArn, name: 'crud-a', creationDate: created.creationDate });
    expect(first.activities?.map((activity) => activity.name)).toStrictEqual(['crud-a']);
    expect(first.nextToken).toEqual(expect.any(String));
    expect(rest.activities?.map((activity) => activity.name)).toContain('crud-b');
    expect(gone).toMatchObject({ name: 'ActivityDoesNotExist', message: `Activity Does Not Exist: '${created.activityArn}'` });
  });

  it('hands a scheduled task to a worker and completes it with SendTaskSuccess', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'greeter' }));
    const definition = activityMachine(activityArn!, { Parameters: { 'who.$': '$.who' }, ResultPath: '$.greeting' });
    const executionArn = await startMachine(client, 'greeting', definition, '{"who":"Ada"}');

    const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'worker-1' }));
    const { who } = JSON.parse(task.input!) as { who: string };
    await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify(`hello ${who}`) }));
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);
    const stale = await errorOf(client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{}' })));

    expect(task.input).toBe('{"who":"Ada"}');
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"who":"Ada","greeting":"hello Ada"}' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.slice(2).map((event) => event.previousEventId)).toStrictEqual([2, 3, 4, 5, 6]);
    expect(events[2].activityScheduledEventDetails).toStrictEqual({
      resource: activityArn,
      input: '{"who":"Ada"}',
      inputDetails: { truncated: false },
    });
    expect(events[3].activityStartedEventDetails).toStrictEqual({ workerName: 'worker-1' });
    expect(events[4].activitySucceededEventDetails).toStrictEqual({ output: '"hello Ada"', outputDetails: { truncated: false } });
    expect(stale.name).toBe('TaskTimedOut');
  });

  it('serves a worker loop in scheduling order, including a task scheduled while the worker polls', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'doubler' }));
    const { stateMachineArn } = await client.send(
      new CreateStateMachineCommand({ name: 'doubling', definition: activityMachine(activityArn!), roleArn: ROLE }),
    );
    const waiting = client.send(new GetActivityTaskCommand({ activityArn }));
    const arns: string[] = [];
    for (let n = 1; n <= 3; n++)
      arns.push((await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ n }) }))).executionArn!);

    const inputs: string[] = [];
    let task = await waiting;
    while (task.taskToken) {
      inputs.push(task.input!);
      const { n } = JSON.parse(task.input!) as { n: number };
      await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify({ doubled: n * 2 }) }));
      task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'loop' }));
    }
    const outputs = await Promise.all(arns.map(async (arn) => (await untilClosed(client, arn)).output));

    expect(inputs).toStrictEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    expect(outputs).toStrictEqual(['{"doubled":2}', '{"doubled":4}', '{"doubled":6}']);
    expect(task).not.toHaveProperty('taskToken');
  });

  it('answers an idle poll with no task once the configured wait has passed', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'idle' }));
    const started = Date.now();

    const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'idle-worker' }));

    expect(task.taskToken).toBeUndefined();
    expect(task.input).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('fails the state with the error and cause of SendTaskFailure', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'failing' }));
    const executionArn = await startMachine(client, 'failing', activityMachine(activityArn!));

    const task = await client.send(new GetActivityTaskCommand({ activityArn }));
    await client.send(new SendTaskFailureCommand({ taskToken: task.taskToken, error: 'Programmatic Error', cause: 'it broke' }));
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);

    expect(described).toMatchObject({ status: 'FAILED', error: 'Programmatic Error', cause: 'it broke' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityFailed',
      'ExecutionFailed',
    ]);
    expect(events[3].activityStartedEventDetails).toStrictEqual({});
    expect(events[4].activityFailedEventDetails).toStrictEqual({ error: 'Programmatic Error', cause: 'it broke' });
  });

  it('fails the execution with States.Runtime, which no Catch matches, when the activity does not exist', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'deleted' }));
    await client.send(new DeleteActivityCommand({ activityArn }));
    const definition = JSON.stringify({
      StartAt: 'Work',
      States: {
        Work: { Type: 'Task', Resource: activityArn, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Succeed' },
      },
    });

    const executionArn = await startMachine(client, 'deleted-activity', definition);
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);

    expect(described).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: `An error occurred while executing the state 'Work' (entered at the event id #2). The activity ${activityArn} does not exist.`,
    });
    expect(events.map((event) => event.type)).toStrictEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
  });

  it('withdraws the task of a stopped execution', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'stopped' }));
    const executionArn = await startMachine(client, 'stopped', activityMachine(activityArn!));
    await until(client, executionArn, 'ActivityScheduled');

    await client.send(new StopExecutionCommand({ executionArn }));
    const task = await client.send(new GetActivityTaskCommand({ activityArn }));
    const events = await historyOf(client, executionArn);

    expect(task.taskToken).toBeUndefined();
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'TaskStateAborted',
      'ExecutionAborted',
    ]);
  });

  it('gives no task to a poll whose client has gone away', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'abandoned' }));
    const polls = jest.spyOn(emulator.server.engine, 'pollActivityTask');
    const controller = new AbortController();
    const abandoned = client
      .send(new GetActivityTaskCommand({ activityArn, workerName: 'gone' }), { abortSignal: controller.signal })
      .catch(() => 'aborted');
    await eventually(() => polls.mock.calls.length === 1, { what: 'the poll to reach the server' });
    controller.abort();
    await abandoned;
    const [, , , serverSignal] = polls.mock.calls[0];
    await polls.mock.results[0].value; // the server ended the poll: its client went away (or, if the server missed that, its 100 ms passed)
    polls.mockRestore();

    const executionArn = await startMachine(client, 'abandoned', activityMachine(activityArn!));
    const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'present' }));
    await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '1' }));
    const events = await historyOf(client, (await untilClosed(client, executionArn)).executionArn!);

    expect(await abandoned).toBe('aborted');
    expect(serverSignal?.aborted).toBe(true);
    expect(events.find((event) => event.type === 'ActivityStarted')?.activityStartedEventDetails).toStrictEqual({ workerName: 'present' });
  });

  it.each([
    [
      'GetActivityTask on an unknown activity',
      (c: SFNClient) => c.send(new GetActivityTaskCommand({ activityArn: `${ACCOUNT}:activity:nope` })),
      'ActivityDoesNotExist',
      `Activity Does Not Exist: '${ACCOUNT}:activity:nope'`,
    ],
    [
      'GetActivityTask on a state machine ARN',
      (c: SFNClient) => c.send(new GetActivityTaskCommand({ activityArn: `${ACCOUNT}:stateMachine:nope` })),
      'InvalidArn',
      `Invalid Arn: '${ACCOUNT}:stateMachine:nope'`,
    ],
    [
      'GetActivityTask with a workerName over 80 characters',
      (c: SFNClient) => c.send(new GetActivityTaskCommand({ activityArn: `${ACCOUNT}:activity:nope`, workerName: 'w'.repeat(81) })),
      'ValidationException',
      "1 validation error detected: Value at 'workerName' failed to satisfy constraint: Member must have length less than or equal to 80",
    ],
    [
      'DescribeActivity with a malformed ARN',
      (c: SFNClient) => c.send(new DescribeActivityCommand({ activityArn: 'activity:nope' })),
      'InvalidArn',
      "Invalid Arn: 'activity:nope'",
    ],
    [
      'DeleteActivity with a malformed ARN',
      (c: SFNClient) => c.send(new DeleteActivityCommand({ activityArn: 'nope' })),
      'InvalidArn',
      "Invalid Arn: 'nope'",
    ],
    [
      'CreateActivity with an invalid name',
      (c: SFNClient) => c.send(new CreateActivityCommand({ name: 'a b' })),
      'InvalidName',
      "Invalid Name: 'a b'",
    ],
    [
      'CreateActivity with a name over 80 characters',
      (c: SFNClient) => c.send(new CreateActivityCommand({ name: 'a'.repeat(81) })),
      'ValidationException',
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 80",
    ],
    [
      'ListActivities with a foreign page token',
      (c: SFNClient) => c.send(new ListActivitiesCommand({ nextToken: 'bogus' })),
      'ValidationException',
      "Invalid Token: 'bogus'",
    ],
  ])('refuses %s', async (_, call, name, message) => {
    const refused = await errorOf(call(emulator.client));

    expect(refused).toMatchObject({ name, message });
  });

  it('refuses to change the encryption configuration of an existing activity', async () => {
    const { client } = emulator;
    await client.send(
      new CreateActivityCommand({
        name: 'encrypted',
        encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/key' },
      }),
    );

    const same = await client.send(
      new CreateActivityCommand({
        name: 'encrypted',
        encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/key' },
      }),
    );
    const changed = await errorOf(client.send(new CreateActivityCommand({ name: 'encrypted' })));
    const keyless = await errorOf(
      client.send(new CreateActivityCommand({ name: 'keyless', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY' } })),
    );
    const described = await client.send(new DescribeActivityCommand({ activityArn: same.activityArn }));

    expect(changed.name).toBe('ActivityAlreadyExists');
    expect(keyless.name).toBe('InvalidEncryptionConfiguration');
    expect(described.encryptionConfiguration).toStrictEqual({ type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'alias/key' });
  });
});

describe('activity task time limits (virtual time)', () => {
  let emulator: RunningEmulator;
  const clock = createFakeClock();

  beforeAll(async () => {
    emulator = await startEmulator({ clock, activityPollTimeoutMs: 50 });
  });

  afterAll(() => emulator.stop());

  it('times out a task whose worker stops sending heartbeats, matched by States.HeartbeatTimeout', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'heartbeat' }));
    const definition = JSON.stringify({
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: activityArn,
          TimeoutSeconds: 300,
          HeartbeatSeconds: 10,
          Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Lost' }],
          End: true,
        },
        Lost: { Type: 'Pass', End: true },
      },
    });
    const executionArn = await startMachine(client, 'heartbeat', definition);

    const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'slow' }));
    await clock.advance(8_000);
    await client.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
    await clock.advance(9_000);
    const alive = (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
    await clock.advance(1_001);
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);
    const late = await errorOf(client.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken })));

    expect(alive).toBe('RUNNING');
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"Error":"States.Timeout","Cause":""}' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityTimedOut',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2].activityScheduledEventDetails).toMatchObject({ timeoutInSeconds: 300, heartbeatInSeconds: 10 });
    expect(events[4].activityTimedOutEventDetails).toStrictEqual({ error: 'States.Timeout' });
    expect(events[4].timestamp!.getTime() - events[3].timestamp!.getTime()).toBe(18_000);
    expect(late.name).toBe('TaskTimedOut');
  });

  it('times out a task no worker takes within TimeoutSeconds', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'unwatched' }));
    const executionArn = await startMachine(
      client,
      'unwatched',
      activityMachine(activityArn!, { TimeoutSeconds: 30, HeartbeatSeconds: 5 }),
    );
    await until(client, executionArn, 'ActivityScheduled');

    await clock.advance(29_000);
    const alive = (await client.send(new DescribeExecutionCommand({ executionArn }))).status;
    await clock.advance(1_000);
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);
    const after = await client.send(new GetActivityTaskCommand({ activityArn }));

    expect(alive).toBe('RUNNING');
    expect(described).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityTimedOut',
      'ExecutionFailed',
    ]);
    expect(after.taskToken).toBeUndefined();
  });

  it('counts TimeoutSeconds from ActivityScheduled, also after a worker took the task', async () => {
    const { client } = emulator;
    const { activityArn } = await client.send(new CreateActivityCommand({ name: 'deadline' }));
    const executionArn = await startMachine(client, 'deadline', activityMachine(activityArn!, { TimeoutSeconds: 30 }));
    await until(client, executionArn, 'ActivityScheduled');

    await clock.advance(20_000);
    await client.send(new GetActivityTaskCommand({ activityArn }));
    await clock.advance(10_000);
    const described = await untilClosed(client, executionArn);
    const events = await historyOf(client, executionArn);

    expect(described).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivityTimedOut',
      'ExecutionFailed',
    ]);
  });
});

describe('activity tasks across a restart', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-activities-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('hands out, after the restart, a task scheduled before it', async () => {
    const first = await startEmulator({ dataDir, activityPollTimeoutMs: 100 });
    const { activityArn } = await first.client.send(new CreateActivityCommand({ name: 'durable' }));
    const executionArn = await startMachine(first.client, 'durable', activityMachine(activityArn!), '{"keep":true}');
    await until(first.client, executionArn, 'ActivityScheduled');
    await first.stop();

    const second = await startEmulator({ dataDir, activityPollTimeoutMs: 5_000 });
    const task = await second.client.send(new GetActivityTaskCommand({ activityArn, workerName: 'after' }));
    await second.client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"done":true}' }));
    const described = await untilClosed(second.client, executionArn);
    const events = await historyOf(second.client, executionArn);
    await second.stop();

    expect(task.input).toBe('{"keep":true}');
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"done":true}' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[3].activityStartedEventDetails).toStrictEqual({ workerName: 'after' });
  });

  it('keeps a task a worker took, and its token, across the restart', async () => {
    const first = await startEmulator({ dataDir, activityPollTimeoutMs: 5_000 });
    const { activityArn } = await first.client.send(new CreateActivityCommand({ name: 'taken' }));
    const executionArn = await startMachine(first.client, 'taken', activityMachine(activityArn!, { HeartbeatSeconds: 600 }));
    const task = await first.client.send(new GetActivityTaskCommand({ activityArn, workerName: 'before' }));
    await first.stop();

    const second = await startEmulator({ dataDir, activityPollTimeoutMs: 50 });
    const again = await second.client.send(new GetActivityTaskCommand({ activityArn }));
    await second.client.send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
    await second.client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '"finished"' }));
    const described = await untilClosed(second.client, executionArn);
    const events = await historyOf(second.client, executionArn);
    await second.stop();

    expect(again.taskToken).toBeUndefined();
    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '"finished"' });
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[3].activityStartedEventDetails).toStrictEqual({ workerName: 'before' });
  });

  runIfTsx(
    'keeps a task a worker took when the process is killed right after handing it out',
    async () => {
      const first = await launch(dataDir);
      let client = createSfnClient(first.endpoint);
      const { activityArn } = await client.send(new CreateActivityCommand({ name: 'killed' }));
      const executionArn = await startMachine(client, 'killed', activityMachine(activityArn!));
      const task = await client.send(new GetActivityTaskCommand({ activityArn, workerName: 'survivor' }));
      await new Promise<void>((done) => {
        first.child.once('exit', () => done());
        first.child.kill('SIGKILL');
      });
      client.destroy();

      const second = await launch(dataDir);
      client = createSfnClient(second.endpoint);
      try {
        await client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"after":"kill"}' }));
        const described = await untilClosed(client, executionArn);
        const events = await historyOf(client, executionArn);

        expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"after":"kill"}' });
        expect(events.filter((event) => event.type?.startsWith('Activity')).map((event) => event.type)).toStrictEqual([
          'ActivityScheduled',
          'ActivityStarted',
          'ActivitySucceeded',
        ]);
      } finally {
        client.destroy();
        second.child.kill('SIGKILL');
      }
    },
    30_000,
  );
});
