// TestState through the real SDK client against the real server. Expected shapes follow AWS's
// answers recorded in LocalStack's AWS-validated snapshots (tests/aws/services/stepfunctions/v2/
// test_state) and the TestState API reference; values are our own cases.
import { TestStateCommand, type InspectionData, type TestStateCommandInput } from '@aws-sdk/client-sfn';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { errorOf } from '../../helpers/sfn-client';

const ROLE = 'arn:aws:iam::123456789012:role/test';

/** The inspection data with every JSON text parsed (numbers and details as they are). */
function parsed(data: InspectionData | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data ?? {}).map(([key, value]) => [key, typeof value === 'string' ? (JSON.parse(value) as unknown) : value]),
  );
}

const priceTask = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'price', 'Payload.$': '$.order' },
  ResultSelector: { 'total.$': '$.Payload.total' },
  ResultPath: '$.price',
  Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 4 }],
  Catch: [
    { ErrorEquals: ['Priced.Out'], ResultPath: '$.ignored', Next: 'Ignore' },
    { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' },
  ],
  Next: 'Ship',
};

describe('TestState', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ taskHandlers: { price: (input) => ({ total: (input as { qty: number }).qty * 5 }) } });
  });

  afterAll(() => emulator.stop());

  const send = (input: TestStateCommandInput) => emulator.client.send(new TestStateCommand(input));

  it('shows a Pass state with Parameters step by step at DEBUG', async () => {
    const definition = JSON.stringify({
      Type: 'Pass',
      InputPath: '$.customer',
      Parameters: { 'name.$': '$.name', tier: 'gold' },
      ResultPath: '$.card',
      Next: 'Greet',
    });

    const out = await send({ definition, input: '{"customer":{"name":"Ada"}}', inspectionLevel: 'DEBUG' });

    expect(out.status).toBe('SUCCEEDED');
    expect(out.nextState).toBe('Greet');
    expect(JSON.parse(out.output!)).toStrictEqual({ customer: { name: 'Ada' }, card: { name: 'Ada', tier: 'gold' } });
    expect(parsed(out.inspectionData)).toStrictEqual({
      input: { customer: { name: 'Ada' } },
      afterInputPath: { name: 'Ada' },
      afterParameters: { name: 'Ada', tier: 'gold' },
      afterResultSelector: { name: 'Ada', tier: 'gold' },
      afterResultPath: { customer: { name: 'Ada' }, card: { name: 'Ada', tier: 'gold' } },
    });
  });

  it.each([
    [{ total: 1200 }, 'Review'],
    [{ total: 40 }, 'Approve'],
  ])('names the next state a Choice picks for %j', async (input, next) => {
    const definition = JSON.stringify({
      Type: 'Choice',
      Choices: [{ Variable: '$.total', NumericGreaterThan: 1000, Next: 'Review' }],
      Default: 'Approve',
    });

    const out = await send({ definition, input: JSON.stringify(input) });

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: next, output: JSON.stringify(input) });
    expect(out.inspectionData).toBeUndefined();
  });

  it('processes a mocked task result through ResultSelector and ResultPath at DEBUG', async () => {
    const mock = { result: JSON.stringify({ Payload: { total: 99, currency: 'EUR' }, StatusCode: 200 }) };

    const out = await send({ definition: JSON.stringify(priceTask), input: '{"order":{"qty":3}}', mock, inspectionLevel: 'DEBUG' });

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'Ship', output: '{"order":{"qty":3},"price":{"total":99}}' });
    expect(parsed(out.inspectionData)).toStrictEqual({
      input: { order: { qty: 3 } },
      afterInputPath: { order: { qty: 3 } },
      afterParameters: { FunctionName: 'price', Payload: { qty: 3 } },
      result: { Payload: { total: 99, currency: 'EUR' }, StatusCode: 200 },
      afterResultSelector: { total: 99 },
      afterResultPath: { order: { qty: 3 }, price: { total: 99 } },
    });
  });

  it('calls the server’s task handler for an unmocked Lambda task', async () => {
    const out = await send({ definition: JSON.stringify(priceTask), input: '{"order":{"qty":3}}', roleArn: ROLE });

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'Ship', output: '{"order":{"qty":3},"price":{"total":15}}' });
  });

  it('reports a mocked error caught by the second catcher as CAUGHT_ERROR', async () => {
    const mock = { errorOutput: { error: 'Pricing.Down', cause: 'no prices today' } };

    const out = await send({ definition: JSON.stringify(priceTask), input: '{"order":{"qty":3}}', mock, inspectionLevel: 'DEBUG' });

    expect(out).toMatchObject({ status: 'CAUGHT_ERROR', error: 'Pricing.Down', cause: 'no prices today', nextState: 'Recover' });
    expect(JSON.parse(out.output!)).toStrictEqual({ order: { qty: 3 }, error: { Error: 'Pricing.Down', Cause: 'no prices today' } });
    expect(out.inspectionData?.errorDetails).toStrictEqual({ catchIndex: 1 });
  });

  it.each([
    [undefined, 2],
    [2, 18],
  ])('reports an error a retrier takes (after %p retries) as RETRIABLE with its back-off', async (retrierRetryCount, backoff) => {
    const mock = { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'slow down' } };

    const out = await send({
      definition: JSON.stringify(priceTask),
      input: '{"order":{}}',
      mock,
      inspectionLevel: 'DEBUG',
      stateConfiguration: { retrierRetryCount },
    });

    expect(out).toMatchObject({ status: 'RETRIABLE', error: 'Lambda.TooManyRequestsException', cause: 'slow down' });
    expect(out.output).toBeUndefined();
    expect(out.nextState).toBeUndefined();
    expect(out.inspectionData?.errorDetails).toStrictEqual({ retryIndex: 0, retryBackoffIntervalSeconds: backoff });
  });

  it('fails with a Fail state’s error and cause', async () => {
    const definition = JSON.stringify({ Type: 'Fail', ErrorPath: '$.code', Cause: 'The order was rejected.' });

    const out = await send({ definition, input: '{"code":"OrderRejected"}', inspectionLevel: 'DEBUG' });

    expect(out).toStrictEqual(
      expect.objectContaining({
        status: 'FAILED',
        error: 'OrderRejected',
        cause: 'The order was rejected.',
        inspectionData: { input: '{"code":"OrderRejected"}', afterInputPath: '{"code":"OrderRejected"}' },
      }),
    );
    expect(out.output).toBeUndefined();
  });

  it('evaluates a JSONata state’s Arguments, Output and Assign with the given variables', async () => {
    const definition = JSON.stringify({
      Type: 'Task',
      QueryLanguage: 'JSONata',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'price', Payload: { sku: '{% $states.input.sku %}', currency: '{% $currency %}' } },
      Output: { total: '{% $states.result.Payload.amount * $quantity %}' },
      Assign: { lastSku: '{% $states.input.sku %}' },
      Next: 'Ship',
    });

    const out = await send({
      definition,
      input: '{"sku":"A-1"}',
      variables: '{"currency":"EUR","quantity":3}',
      mock: { result: '{"Payload":{"amount":10}}' },
      inspectionLevel: 'DEBUG',
    });

    expect(out).toMatchObject({ status: 'SUCCEEDED', nextState: 'Ship', output: '{"total":30}' });
    expect(parsed(out.inspectionData)).toStrictEqual({
      input: { sku: 'A-1' },
      afterArguments: { FunctionName: 'price', Payload: { sku: 'A-1', currency: 'EUR' } },
      result: { Payload: { amount: 10 } },
      variables: { currency: 'EUR', quantity: 3, lastSku: 'A-1' },
    });
  });

  it('tests the named state of a full state machine, in the machine’s query language', async () => {
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.cost < 10 %}', Next: 'Approved' }], Default: 'Ask' },
        Ask: { Type: 'Pass', Output: { asked: '{% $states.input.cost %}' }, Next: 'Approved' },
        Approved: { Type: 'Succeed' },
      },
    });

    const check = await send({ definition, stateName: 'Check', input: '{"cost":25}', inspectionLevel: 'TRACE' });
    const ask = await send({ definition, stateName: 'Ask', input: '{"cost":25}' });

    expect(check).toMatchObject({ status: 'SUCCEEDED', nextState: 'Ask', output: '{"cost":25}', inspectionData: { input: '{"cost":25}' } });
    expect(ask).toMatchObject({ status: 'SUCCEEDED', nextState: 'Approved', output: '{"asked":25}' });
  });

  it.each([
    [
      'a mock on a Pass state',
      { definition: JSON.stringify({ Type: 'Pass', End: true }), mock: { result: '{}' } },
      'ValidationException',
      "State type 'Pass' is not supported when a mock is specified",
    ],
    [
      'a stateName missing from the definition',
      { definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }), stateName: 'Nope' },
      'ValidationException',
      'State not found in definition',
    ],
    [
      'malformed input JSON',
      { definition: JSON.stringify({ Type: 'Pass', End: true }), input: '{"a":' },
      'InvalidExecutionInput',
      'Invalid State Machine Execution Input: \'Unexpected character ({"a":)\'',
    ],
    [
      'a Task with neither mock nor role',
      { definition: JSON.stringify(priceTask) },
      'ValidationException',
      'RoleArn must be specified when testing a Task state',
    ],
    ['a definition that is not JSON', { definition: '{"Type":' }, 'InvalidDefinition', undefined],
  ])('refuses %s', async (_label, input, name, message) => {
    const error = await errorOf(send(input));

    expect(error.name).toBe(name);
    if (message !== undefined) expect(error.message).toBe(message);
  });
});
