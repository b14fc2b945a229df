// Expectations follow AWS's answers recorded in LocalStack's AWS-validated TestState snapshots
// (tests/aws/services/stepfunctions/v2/test_state) and the TestState API reference.
import { testState, type TestStateRequest } from '../../../workflows/engine';

const definition = (state: Record<string, unknown>): string => JSON.stringify(state);

async function answer(request: TestStateRequest, options: Parameters<typeof testState>[1] = {}) {
  const result = await testState(request, options);
  if (!result.ok) throw new Error(`refused: ${result.code}: ${result.message}`);
  return result.value;
}

const lambdaTask = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'double', 'Payload.$': '$' },
  ResultSelector: { 'value.$': '$.Payload.value' },
  ResultPath: '$.doubled',
  Next: 'Done',
};

describe('testState', () => {
  it('shows every JSONPath data-flow step of a Pass state at DEBUG, but no result without Result', async () => {
    const pass = definition({
      Type: 'Pass',
      InputPath: '$.order',
      Parameters: { 'id.$': '$.id', fixed: 1 },
      ResultPath: '$.picked',
      Next: 'Next',
    });

    const out = await answer({ definition: pass, input: '{"order":{"id":"o-1"}}', inspectionLevel: 'DEBUG' });

    expect(out).toStrictEqual({
      status: 'SUCCEEDED',
      output: '{"order":{"id":"o-1"},"picked":{"id":"o-1","fixed":1}}',
      nextState: 'Next',
      inspectionData: {
        input: '{"order":{"id":"o-1"}}',
        afterInputPath: '{"id":"o-1"}',
        afterParameters: '{"id":"o-1","fixed":1}',
        afterResultSelector: '{"id":"o-1","fixed":1}',
        afterResultPath: '{"order":{"id":"o-1"},"picked":{"id":"o-1","fixed":1}}',
      },
    });
  });

  it('calls a registered handler for an unmocked lambda:invoke task', async () => {
    const handlers = { double: (input: unknown) => ({ value: (input as { n: number }).n * 2 }) };

    const out = await answer(
      { definition: definition(lambdaTask), input: '{"n":21}', roleArn: 'arn:aws:iam::123456789012:role/test' },
      { taskHandlers: handlers },
    );

    expect(out).toStrictEqual({ status: 'SUCCEEDED', output: '{"n":21,"doubled":{"value":42}}', nextState: 'Done' });
  });

  it('fails an unregistered function as Lambda does', async () => {
    const out = await answer({ definition: definition(lambdaTask), input: '{"n":1}', roleArn: 'arn:aws:iam::123456789012:role/test' });

    expect(out).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  });

  it.each([
    [0, { status: 'RETRIABLE', errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 2 } }],
    [2, { status: 'RETRIABLE', errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 8 } }],
    [3, { status: 'CAUGHT_ERROR', nextState: 'Recover', errorDetails: { retryIndex: 1, catchIndex: 0 } }],
  ])('after %i retries reports %j', async (retrierRetryCount, expected) => {
    const task = {
      ...lambdaTask,
      Retry: [{ ErrorEquals: ['Other'] }, { ErrorEquals: ['Flaky'], IntervalSeconds: 2, MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
    };

    const out = await answer({
      definition: definition(task),
      input: '{}',
      mock: { errorOutput: { error: 'Flaky', cause: 'try again' } },
      stateConfiguration: { retrierRetryCount },
      inspectionLevel: 'DEBUG',
    });

    const { status, nextState, inspectionData } = out;
    expect({ status, nextState, errorDetails: inspectionData?.errorDetails }).toStrictEqual({ nextState: undefined, ...expected });
  });

  it('stands a mock in for a Map state’s iterations and reports its settings', async () => {
    const map = {
      Type: 'Map',
      ItemsPath: '$.items',
      MaxConcurrency: 2,
      ToleratedFailureCount: 1,
      ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } },
      ResultPath: '$.done',
      End: true,
    };

    const out = await answer({
      definition: definition(map),
      input: '{"items":[1,2]}',
      mock: { result: '[10,20]' },
      inspectionLevel: 'DEBUG',
    });

    expect(out).toStrictEqual({
      status: 'SUCCEEDED',
      output: '{"items":[1,2],"done":[10,20]}',
      inspectionData: {
        input: '{"items":[1,2]}',
        afterInputPath: '{"items":[1,2]}',
        result: '[10,20]',
        afterResultSelector: '[10,20]',
        afterResultPath: '{"items":[1,2],"done":[10,20]}',
        afterItemsPath: '[1,2]',
        maxConcurrency: 2,
        toleratedFailureCount: 1,
      },
    });
  });

  it('answers a .waitForTaskToken task with its mock as the callback', async () => {
    const task = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } },
      End: true,
    };

    const out = await answer({ definition: definition(task), mock: { result: '{"approved":true}' } });

    expect(out).toStrictEqual({ status: 'SUCCEEDED', output: '{"approved":true}' });
  });

  it('finds a state named in a Parallel branch of a state machine', async () => {
    const machine = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              QueryLanguage: 'JSONata',
              StartAt: 'Inner',
              States: { Inner: { Type: 'Pass', Output: '{% $states.input.a + 1 %}', End: true } },
            },
          ],
        },
      },
    };

    const out = await answer({ definition: JSON.stringify(machine), stateName: 'Inner', input: '{"a":1}' });

    expect(out).toStrictEqual({ status: 'SUCCEEDED', output: '2' });
  });

  it('does not wait in a Wait state', async () => {
    const started = Date.now();

    const out = await answer({ definition: definition({ Type: 'Wait', Seconds: 3600, Next: 'After' }), input: '{"a":1}' });

    expect(out).toStrictEqual({ status: 'SUCCEEDED', output: '{"a":1}', nextState: 'After' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lays a given context over the one TestState builds', async () => {
    const task = {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { 'who.$': '$$.Execution.Name', 'state.$': '$$.State.Name', 'retry.$': '$$.State.RetryCount' },
      ResultPath: null,
      OutputPath: '$',
      End: true,
    };

    const out = await answer({
      definition: definition(task),
      mock: { result: '{}' },
      context: '{"Execution":{"Name":"given"}}',
      stateConfiguration: { retrierRetryCount: 2 },
      inspectionLevel: 'DEBUG',
    });

    expect(out.inspectionData?.afterParameters).toBe('{"who":"given","state":"StateName","retry":2}');
  });

  it.each([
    [
      'a mock on a Pass state',
      { definition: definition({ Type: 'Pass', End: true }), mock: { result: '{}' } },
      'ValidationException',
      "State type 'Pass' is not supported when a mock is specified",
    ],
    [
      'a Map state without a mock',
      { definition: definition({ Type: 'Map', ItemProcessor: { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }, End: true }) },
      'InvalidDefinition',
      'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    ],
    [
      'a Task without mock or role',
      { definition: definition(lambdaTask) },
      'ValidationException',
      'RoleArn must be specified when testing a Task state',
    ],
    [
      'a state name not in the definition',
      { definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), stateName: 'B' },
      'ValidationException',
      'State not found in definition',
    ],
    [
      'input that is not JSON',
      { definition: definition({ Type: 'Pass', End: true }), input: '{oops' },
      'InvalidExecutionInput',
      "Invalid State Machine Execution Input: 'Unexpected character ({oops)'",
    ],
  ])('refuses %s', async (_label, request, code, message) => {
    const result = await testState(request);

    expect(result).toStrictEqual({ ok: false, code, message });
  });
});
