/**
 * Random actions, bodies and definitions thrown at the server: every answer is either a success
 * or an AWS-shaped error, within a second, and the server keeps answering.
 */
import fc from 'fast-check';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';

const ACTIONS = [
  'CreateStateMachine',
  'UpdateStateMachine',
  'DeleteStateMachine',
  'DescribeStateMachine',
  'ListStateMachines',
  'ValidateStateMachineDefinition',
  'StartExecution',
  'StartSyncExecution',
  'StopExecution',
  'DescribeExecution',
  'DescribeStateMachineForExecution',
  'ListExecutions',
  'GetExecutionHistory',
  'SendTaskSuccess',
  'SendTaskFailure',
  'SendTaskHeartbeat',
  'RedriveExecution',
];
const FIELDS = [
  'name',
  'definition',
  'roleArn',
  'type',
  'stateMachineArn',
  'executionArn',
  'input',
  'output',
  'taskToken',
  'maxResults',
  'nextToken',
  'statusFilter',
  'reverseOrder',
  'error',
  'cause',
];
const ROLE = 'arn:aws:iam::123456789012:role/fuzz';

const stateArb = fc.oneof(
  fc.record({ Type: fc.constant('Pass'), End: fc.constant(true), Result: fc.option(fc.jsonValue(), { nil: undefined }) }),
  fc.record({ Type: fc.constant('Fail'), Error: fc.string(), Cause: fc.string() }),
  fc.record({ Type: fc.constant('Succeed'), InputPath: fc.constantFrom('$', '$.a', '$.missing', '$$.Execution.Id') }),
  fc.record({
    Type: fc.constant('Pass'),
    Parameters: fc.dictionary(
      fc.constantFrom('a.$', 'b', 'c.$'),
      fc.constantFrom('$', '$.x', 'States.UUID()', 'States.MathAdd($.n, 1)', 'States.Format('),
    ),
    End: fc.constant(true),
  }),
  fc.record({
    Type: fc.constant('Pass'),
    QueryLanguage: fc.constant('JSONata'),
    Output: fc.constantFrom('{% $states.input %}', '{% $$ %}', '{% 1 + %}', '{% $x.y %}', 42),
    End: fc.constant(true),
  }),
  fc.record({ Type: fc.constantFrom('Map', 'Parallel', 'Task', 'Bogus'), End: fc.constant(true) }),
);
const definitionArb = fc.oneof(
  stateArb.map((state) => JSON.stringify({ StartAt: 'S', States: { S: state } })),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
);
const valueArb = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue(),
  fc.constantFrom(ROLE, 'arn:aws:states:us-east-1:123456789012:stateMachine:fuzz'),
);
const bodyArb = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), valueArb).map((body) => JSON.stringify(body)),
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom('{', '[]', 'null', '', '{"name":'),
);

describe('API robustness', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(() => emulator.stop());

  async function post(target: string, body: string): Promise<{ status: number; json: unknown }> {
    const response = await fetch(emulator.endpoint, {
      method: 'POST',
      headers: { 'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.0' },
      body,
      signal: AbortSignal.timeout(1000),
    });
    return { status: response.status, json: await response.json() };
  }

  function isAwsShaped({ status, json }: { status: number; json: unknown }): boolean {
    if (status === 200) return json !== null && typeof json === 'object';
    return (status === 400 || status === 500) && typeof (json as { __type?: unknown }).__type === 'string';
  }

  it('answers random actions and bodies with a result or an AWS error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...ACTIONS).map((action) => `AWSStepFunctions.${action}`),
          fc.string(),
        ),
        bodyArb,
        async (target, body) => {
          expect(isAwsShaped(await post(target, body))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('creates and runs random definitions without failing the server', async () => {
    await fc.assert(
      fc.asyncProperty(definitionArb, fc.jsonValue(), fc.nat(), async (definition, input, n) => {
        const created = await post(
          'AWSStepFunctions.CreateStateMachine',
          JSON.stringify({ name: `fuzz-${n}-${Math.random().toString(36).slice(2, 8)}`, definition, roleArn: ROLE }),
        );
        expect(isAwsShaped(created)).toBe(true);
        const arn = (created.json as { stateMachineArn?: string }).stateMachineArn;
        if (!arn) return;
        const started = await post(
          'AWSStepFunctions.StartExecution',
          JSON.stringify({ stateMachineArn: arn, input: JSON.stringify(input) }),
        );
        expect(isAwsShaped(started)).toBe(true);
        const executionArn = (started.json as { executionArn?: string }).executionArn;
        if (executionArn)
          expect(isAwsShaped(await post('AWSStepFunctions.GetExecutionHistory', JSON.stringify({ executionArn })))).toBe(true);
      }),
      { numRuns: 200 },
    );

    const alive = await post('AWSStepFunctions.ListStateMachines', '{}');
    expect(alive.status).toBe(200);
  });
});
