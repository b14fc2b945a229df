import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { untilClosed, errorOf } from '../../helpers/sfn-client';
import { eventually } from '../../helpers/eventually';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const PASS = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

describe('Step Functions API server', () => {
  let emulator: RunningEmulator;
  let tokens: string[];

  beforeAll(async () => {
    tokens = [];
    emulator = await startEmulator({
      taskHandlers: {
        request: (input) => {
          tokens.push((input as { token: string }).token);
          return null;
        },
      },
    });
  });

  afterAll(() => emulator.stop());

  it('creates, describes, updates, lists and deletes state machines', async () => {
    const { client } = emulator;

    const created = await client.send(new CreateStateMachineCommand({ name: 'crud', definition: PASS, roleArn: ROLE }));
    const described = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const definition = JSON.stringify({ StartAt: 'Q', States: { Q: { Type: 'Pass', End: true } } });
    await client.send(new UpdateStateMachineCommand({ stateMachineArn: created.stateMachineArn, definition }));
    const updated = await client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const listed = await client.send(new ListStateMachinesCommand({}));
    await client.send(new DeleteStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const missing = await errorOf(client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn })));

    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:crud');
    expect(created.creationDate).toBeInstanceOf(Date);
    expect(described).toMatchObject({ name: 'crud', status: 'ACTIVE', type: 'STANDARD', definition: PASS, roleArn: ROLE });
    expect(updated.definition).toBe(definition);
    expect(listed.stateMachines?.map((machine) => machine.name)).toContain('crud');
    expect(missing.name).toBe('StateMachineDoesNotExist');
  });

  it('runs an execution and returns its history in AWS shape, paged and reversed', async () => {
    const { client } = emulator;
    const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: 'history', definition: PASS, roleArn: ROLE }));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn, name: 'run-1', input: '{"a":1}' }));

    const described = await untilClosed(client, executionArn!);
    const firstPage = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2 }));
    const secondPage = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 2, nextToken: firstPage.nextToken }));
    const reversed = await client.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    const listed = await client.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }));
    const forExecution = await client.send(new DescribeStateMachineForExecutionCommand({ executionArn }));

    expect(described).toMatchObject({ status: 'SUCCEEDED', output: '{"a":1}', name: 'run-1', input: '{"a":1}' });
    expect(firstPage.events?.map((event) => event.type)).toStrictEqual(['ExecutionStarted', 'PassStateEntered']);
    expect(firstPage.events?.[1].stateEnteredEventDetails).toStrictEqual({
      name: 'P',
      input: '{"a":1}',
      inputDetails: { truncated: false },
    });
    expect(firstPage.events?.[0].timestamp).toBeInstanceOf(Date);
    expect(secondPage.events?.map((event) => event.type)).toStrictEqual(['PassStateExited', 'ExecutionSucceeded']);
    expect(secondPage.nextToken).toBeUndefined();
    expect(reversed.events?.map((event) => event.id)).toStrictEqual([4, 3, 2, 1]);
    expect(listed.executions?.map((execution) => execution.name)).toStrictEqual(['run-1']);
    expect(forExecution.definition).toBe(PASS);
  });

  it('stops a running execution', async () => {
    const { client } = emulator;
    const definition = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: 'stoppable', definition, roleArn: ROLE }));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));

    await client.send(new StopExecutionCommand({ executionArn, error: 'E', cause: 'C' }));
    const described = await untilClosed(client, executionArn!);

    expect(described).toMatchObject({ status: 'ABORTED', error: 'E', cause: 'C' });
  });

  it('completes a callback task through SendTaskSuccess', async () => {
    const { client } = emulator;
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
    const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: 'callback', definition, roleArn: ROLE }));
    const { executionArn } = await client.send(new StartExecutionCommand({ stateMachineArn }));
    await eventually(() => tokens.length > 0, { interval: 5, what: 'a task token' });

    await client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{"ok":true}' }));
    const described = await untilClosed(client, executionArn!);
    const stale = await errorOf(client.send(new SendTaskSuccessCommand({ taskToken: tokens[0], output: '{}' })));
    const invalid = await errorOf(client.send(new SendTaskSuccessCommand({ taskToken: 'nope!', output: '{}' })));

    expect(described.output).toBe('{"ok":true}');
    expect(stale.name).toBe('TaskTimedOut');
    expect(invalid.name).toBe('InvalidToken');
  });

  it('answers StartSyncExecution for EXPRESS machines only', async () => {
    const { client } = emulator;
    const express = await client.send(new CreateStateMachineCommand({ name: 'express', definition: PASS, roleArn: ROLE, type: 'EXPRESS' }));
    const standard = await client.send(new CreateStateMachineCommand({ name: 'standard', definition: PASS, roleArn: ROLE }));

    const result = await client.send(new StartSyncExecutionCommand({ stateMachineArn: express.stateMachineArn, input: '{"x":2}' }));
    const refused = await errorOf(client.send(new StartSyncExecutionCommand({ stateMachineArn: standard.stateMachineArn })));

    expect(result).toMatchObject({ status: 'SUCCEEDED', output: '{"x":2}' });
    expect(result.executionArn).toMatch(/:express:express:/);
    expect(refused.name).toBe('StateMachineTypeNotSupported');
  });

  it.each([
    [
      'an invalid definition',
      () => new CreateStateMachineCommand({ name: 'bad', definition: '{"StartAt":"X","States":{}}', roleArn: ROLE }),
      'InvalidDefinition',
    ],
    ['an invalid name', () => new CreateStateMachineCommand({ name: 'bad name', definition: PASS, roleArn: ROLE }), 'InvalidName'],
    ['an invalid role ARN', () => new CreateStateMachineCommand({ name: 'x', definition: PASS, roleArn: 'role' }), 'InvalidArn'],
    [
      'an unknown execution',
      () => new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:m:e' }),
      'ExecutionDoesNotExist',
    ],
    ['a malformed execution ARN', () => new DescribeExecutionCommand({ executionArn: 'nope' }), 'InvalidArn'],
    [
      'an unknown state machine',
      () => new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:none' }),
      'StateMachineDoesNotExist',
    ],
  ])('answers %s with the AWS error', async (_label, command, code) => {
    const failure = await errorOf(emulator.client.send(command() as never));

    expect(failure.name).toBe(code);
  });

  it('validates definitions with diagnostics', async () => {
    const ok = await emulator.client.send(new ValidateStateMachineDefinitionCommand({ definition: PASS }));
    const bad = await emulator.client.send(
      new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}' }),
    );

    expect(ok.result).toBe('OK');
    expect(bad.result).toBe('FAIL');
    expect(bad.diagnostics?.[0]).toMatchObject({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' });
  });

  it('answers unknown operations and malformed JSON without crashing', async () => {
    const post = (target: string, body: string) =>
      fetch(emulator.endpoint, { method: 'POST', headers: { 'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.0' }, body });

    const unknown = await post('AWSStepFunctions.Nope', '{}');
    const malformed = await post('AWSStepFunctions.ListStateMachines', '{not json');

    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toMatch(/UnknownOperationException$/);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { __type: string }).__type).toMatch(/SerializationException$/);
  });
});
