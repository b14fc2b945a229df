/** A server restarted on the same data dir resumes executions and honours their task tokens. */
import {
  CreateStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../helpers/emulator-server';
import { eventually } from '../../helpers/eventually';
import { untilClosed } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';

describe('restarting the server on its data dir', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'statecraft-restart-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps a waiting callback task and its token across the restart', async () => {
    const tokens: string[] = [];
    const handlers = {
      request: (input: unknown) => {
        tokens.push((input as { token: string }).token);
        return null;
      },
    };
    const definition = JSON.stringify({
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'request', Payload: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    });
    const first = await startEmulator({ dataDir, taskHandlers: handlers });
    const { stateMachineArn } = await first.client.send(new CreateStateMachineCommand({ name: 'approval', definition, roleArn: ROLE }));
    const { executionArn } = await first.client.send(new StartExecutionCommand({ stateMachineArn }));
    await eventually(() => tokens.length > 0, { interval: 5, what: 'a task token' });
    await first.stop();

    const second = await startEmulator({ dataDir, taskHandlers: handlers });
    await second.client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '"approved"' }));
    const described = await untilClosed(second.client, executionArn!);
    const history = await second.client.send(new GetExecutionHistoryCommand({ executionArn }));
    await second.stop();

    expect(described.output).toBe('"approved"');
    expect(tokens).toHaveLength(1);
    expect(history.events?.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('redrives a failed execution through the API and pages ListExecutions', async () => {
    let healthy = false;
    const emulator = await startEmulator({
      dataDir,
      taskHandlers: {
        flaky: () => {
          if (!healthy) throw new Error('down');
          return 'up';
        },
      },
    });
    const definition = JSON.stringify({
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'flaky' },
          OutputPath: '$.Payload',
          End: true,
        },
      },
    });
    const { stateMachineArn } = await emulator.client.send(
      new CreateStateMachineCommand({ name: 'redrivable', definition, roleArn: ROLE }),
    );
    const arns: string[] = [];
    for (let i = 0; i < 3; i++)
      arns.push((await emulator.client.send(new StartExecutionCommand({ stateMachineArn, name: `e${i}` }))).executionArn!);
    const failed = await untilClosed(emulator.client, arns[0]);
    await Promise.all(arns.map((arn) => untilClosed(emulator.client, arn)));
    healthy = true;

    await emulator.client.send(new RedriveExecutionCommand({ executionArn: arns[0] }));
    const redriven = await untilClosed(emulator.client, arns[0]);
    const page = await emulator.client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'FAILED', maxResults: 1 }));
    const next = await emulator.client.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'FAILED', maxResults: 1, nextToken: page.nextToken }),
    );
    await emulator.stop();

    expect(failed).toMatchObject({ status: 'FAILED', error: 'Error', redriveStatus: 'REDRIVABLE' });
    expect(redriven).toMatchObject({ status: 'SUCCEEDED', output: '"up"', redriveCount: 1 });
    expect([page.executions?.length, next.executions?.length, next.nextToken]).toStrictEqual([1, 1, undefined]);
  });
});
