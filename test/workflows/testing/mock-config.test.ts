/**
 * Step Functions Local's MockConfigFile as kit test cases: the fixture's test cases (each feature of
 * AWS's format, on the sample workflows) run to what each should do, and every malformed file is
 * refused with a sentence naming the place. Format: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
 */
import path from 'node:path';
import { catalogue, onboardCustomerExample, refundRequestExample } from '../../../workflows/definitions';
import { tables } from '../../../workflows/definitions/tables';
import { workflowMatchers } from '../../../workflows/testing';
import { testCasesFromMockConfig, type MockConfigFile, type MockConfigTestCase } from '../../../workflows/testing/mock-config';

expect.extend(workflowMatchers);

const FIXTURE = path.join(__dirname, '../../fixtures/mock-config/statecraft-mock-config.json');
const cases = testCasesFromMockConfig(FIXTURE, { workflows: catalogue });
const testCase = (name: string): MockConfigTestCase => {
  const found = cases.find((each) => each.name === name);
  if (!found) throw new Error(`the fixture has no test case ${name}`);
  return found;
};
const largeRefund = { ...refundRequestExample, orderId: 'ORD-20077', amount: 750 };
const lambdaError = (errorType: string, errorMessage: string) => JSON.stringify({ errorType, errorMessage, trace: [] });
const ORDER_PATH = [
  'Price order',
  'Reserve stock',
  'Charge payment',
  'Choose shipping',
  'Ship express',
  'Create shipment',
  'Record order',
  'Send confirmation',
  'Summarize',
  'Order fulfilled',
];
const MOCKED_ORDER = {
  orderId: 'ORD-10042',
  orderStatus: 'SHIPPED',
  total: 109.15,
  trackingNumber: '1ZMOCK0001',
  summary: 'Order ORD-10042 charged EUR 109.15 and shipped with UPS (1ZMOCK0001)',
};
const RELEASE_CHECKS = ['Build checks', 'Unit tests', 'Lint', 'Security scan', 'Build image', 'Deploy to staging', 'Integration tests'];
const ONBOARDING_START = [
  'Screen customer',
  'Needs review?',
  'Create account',
  'Save customer',
  'Legacy data?',
  'Plan import',
  'Import legacy data',
];
const ONBOARDING_END = ['Send welcome', 'Wants tips?', 'Welcome drip', 'Send getting-started tips', 'Onboarded', 'Customer onboarded'];
const ONBOARDED = {
  customerId: 'ACC-MOCK-NORTHWIND',
  company: 'Northwind Traders GmbH',
  plan: 'business',
  tenantUrl: 'https://northwind.app.example.com',
  customerStatus: 'ACTIVE',
};

describe('the fixture', () => {
  it('has one test case per state machine and test case, named StateMachine#TestCase, in file order', () => {
    expect(cases.map((each) => each.name)).toEqual([
      'order-fulfillment#HappyPath',
      'order-fulfillment#GatewayBusyTwice',
      'order-fulfillment#PaymentDeclined',
      'refund-request#LargeRefundApproved',
      'refund-request#LargeRefundRejected',
      'refund-request#OrderNotFound',
      'refund-request#OrdersTableThrottled',
      'deploy-service#CanaryUnhealthy',
      'deploy-service#IntegrationTestsFail',
      'deploy-service#ReleaseRejected',
      'onboard-customer#LegacyImported',
      'onboard-customer#LegacyImportFails',
      'onboard-customer#CustomerExists',
      'onboard-customer#ComplianceRejects',
    ]);
    expect(testCase('refund-request#OrderNotFound')).toMatchObject({
      stateMachine: 'refund-request',
      testCase: 'OrderNotFound',
      workflow: { name: 'refund-request' },
    });
  });

  it('turns the repeat ranges into one answer per attempt, Return into the result and Throw into the error', () => {
    const busy = { error: 'PaymentGatewayBusy', cause: lambdaError('PaymentGatewayBusy', 'payment gateway busy') };

    const { serviceMocks } = testCase('order-fulfillment#GatewayBusyTwice');

    expect(serviceMocks['Charge payment']).toStrictEqual({
      sequence: [
        busy,
        busy,
        {
          result: {
            StatusCode: 200,
            ExecutedVersion: '$LATEST',
            Payload: { chargeId: 'CH-MOCK-1', amount: 109.15, currency: 'EUR', attempts: 3 },
          },
        },
      ],
    });
  });
});

describe('order-fulfillment: Lambda Invoke responses, a Retry and a Catch', () => {
  it('HappyPath: each Return is the whole Invoke response, so the states read $.…Payload; the mocked putItem writes nothing', async () => {
    const run = await testCase('order-fulfillment#HappyPath').run({ tables });

    expect(run).toSucceed();
    expect(run.path).toEqual(ORDER_PATH);
    expect(run.output).toStrictEqual(MOCKED_ORDER);
    expect(run.tables.orders.find((item) => (item.orderId as { S: string }).S === 'ORD-10042')).toMatchObject({
      trackingNumber: { S: 'DHL-10042-DE' },
    });
  });

  it('GatewayBusyTwice: "0-1" throws PaymentGatewayBusy twice, the Retry backs off, and invocation 2 succeeds', async () => {
    const run = await testCase('order-fulfillment#GatewayBusyTwice').run({ tables });

    expect(run).toSucceed();
    expect(run.path).toEqual(ORDER_PATH);
    // Recovered on the third attempt: the report keeps no error for it.
    expect(run.states['Charge payment']).toMatchObject({ attempts: 3 });
    expect(run.states['Charge payment'].error).toBeUndefined();
    expect(run.output).toStrictEqual(MOCKED_ORDER);
  });

  it('PaymentDeclined: the Throw is caught with its Error and Cause; the compensation is retried past a Lambda throttle', async () => {
    const run = await testCase('order-fulfillment#PaymentDeclined').run({ tables });

    expect(run).toFailWith('PaymentFailed');
    expect(run.cause).toBe(lambdaError('PaymentDeclined', 'payment for order ORD-10042 was declined: insufficient funds'));
    expect(run.path).toEqual(['Price order', 'Reserve stock', 'Charge payment', 'Release stock', 'Payment failed']);
    expect(run.states['Charge payment']).toMatchObject({ attempts: 1, error: 'PaymentDeclined' });
    expect(run.states['Release stock']).toMatchObject({ attempts: 2 });
    expect(run.states['Release stock'].error).toBeUndefined();
  });
});

describe('refund-request: DynamoDB responses and a mocked callback (the approval step)', () => {
  it('LargeRefundApproved: the approval task gets the Return as its callback output', async () => {
    const run = await testCase('refund-request#LargeRefundApproved').run({ tables, input: largeRefund });

    expect(run).toSucceed();
    expect(run.path).toEqual([
      'Load order',
      'Order found?',
      'Check eligibility',
      'Needs approval?',
      'Finance approval',
      'Issue refund',
      'Mark order refunded',
      'Notify customer',
      'Refund summary',
      'Refunded',
    ]);
    expect(run.states['Finance approval'].output).toMatchObject({
      approval: { approved: true, decidedBy: 'fiona.finance', comment: 'Damaged in transit, photos attached.' },
    });
    expect(run.output).toStrictEqual({
      refundId: 'RF-20931',
      orderId: 'ORD-20077',
      amount: 750,
      refundReference: 'RE-MOCK-750',
      summary: 'Refunded EUR 750 of order ORD-20077 (RE-MOCK-750); settles in 3 days',
    });
  });

  it('LargeRefundRejected: the approval task fails with the Throw, as SendTaskFailure would, and onRejected runs', async () => {
    const run = await testCase('refund-request#LargeRefundRejected').run({ tables, input: largeRefund });

    expect(run).toSucceed();
    expect(run.path.slice(-3)).toEqual(['Finance approval', 'Notify refund declined', 'Refund declined']);
    expect(run.states['Finance approval']).toMatchObject({
      error: 'Approval.Rejected',
      cause: JSON.stringify({ approved: false, decidedBy: 'fiona.finance', reason: 'Refund exceeds the damaged items.' }),
    });
  });

  it('OrderNotFound: a GetItem response without an Item takes the Choice to the Fail state', async () => {
    const run = await testCase('refund-request#OrderNotFound').run({ tables });

    expect(run).toFailWith('OrderNotFound');
    expect(run.path).toEqual(['Load order', 'Order found?', 'Order not found']);
  });

  it('OrdersTableThrottled: GetItem is throttled twice then answers; the unmocked states run their handlers and the real table', async () => {
    const run = await testCase('refund-request#OrdersTableThrottled').run({ tables });

    expect(run).toSucceed();
    expect(run.states['Load order']).toMatchObject({ attempts: 3 });
    expect(run.states['Load order'].error).toBeUndefined();
    expect(run.output).toMatchObject({ refundReference: 'RE-CH-ORD-10042-RF-20931', amount: 12.5 });
    expect(run.tables.orders.find((item) => (item.orderId as { S: string }).S === 'ORD-10042')).toMatchObject({
      refundedAmount: { N: '12.5' },
    });
  });
});

describe('deploy-service: states inside a Parallel, and partial test cases', () => {
  it('CanaryUnhealthy: every task mocked, branches included; the approval is the callback and the bake waits in virtual time', async () => {
    const run = await testCase('deploy-service#CanaryUnhealthy').run();

    expect(run).toFailWith('CanaryUnhealthy');
    expect(run.path).toEqual([
      ...RELEASE_CHECKS,
      'Approve production',
      'Deploy canary',
      'Bake canary',
      'Check canary health',
      'Canary healthy?',
      'Roll back production',
      'Canary unhealthy',
    ]);
    expect(run.states['Build image'].input).toMatchObject({
      checks: { unit: { suite: 'unit', passed: 412 }, security: { suite: 'security', critical: 0 } },
    });
    expect(run.states['Approve production'].output).toMatchObject({ approval: { approved: true, decidedBy: 'rita.release' } });
    expect(run.durationMs).toBe(600_000);
  });

  it('IntegrationTestsFail: only the integration tests are mocked; their Throw is caught and the real rollback handler runs', async () => {
    const run = await testCase('deploy-service#IntegrationTestsFail').run();

    expect(run).toFailWith('IntegrationTestsFailed');
    expect(run.cause).toBe(lambdaError('TestsFailed', 'integration tests failed: 2 failing'));
    expect(run.path).toEqual([...RELEASE_CHECKS, 'Roll back staging', 'Integration tests failed']);
    expect(run.states['Roll back staging'].output).toMatchObject({
      rollback: { Payload: { deploymentId: 'DEP-STAG-2.14.0', environment: 'staging', rolledBack: true } },
    });
  });

  it('ReleaseRejected: the approval callback fails with Approval.Rejected and its cause reaches the Fail state', async () => {
    const run = await testCase('deploy-service#ReleaseRejected').run();

    expect(run).toFailWith('ReleaseRejected', 'Change freeze until Monday.');
    expect(run.path).toEqual([...RELEASE_CHECKS, 'Approve production', 'Release rejected']);
  });
});

describe('onboard-customer: startExecution.sync:2, DynamoDB putItem and the compliance review', () => {
  it('LegacyImported: the child execution is not started; the Return is its DescribeExecution response', async () => {
    const run = await testCase('onboard-customer#LegacyImported').run({ tables });

    expect(run).toSucceed();
    expect(run.path).toEqual([...ONBOARDING_START, ...ONBOARDING_END]);
    expect(run.states['Import legacy data'].output).toMatchObject({
      importResult: {
        executionArn: 'arn:aws:states:us-east-1:123456789012:execution:data-backfill:import-NW-0042',
        report: { copiedRows: 14217, failedPartitions: [] },
      },
    });
    expect(run.output).toStrictEqual(ONBOARDED);
    expect(run.tables.customers).toEqual([]);
  });

  it('LegacyImportFails: the failed child execution is caught and onboarding goes on', async () => {
    const run = await testCase('onboard-customer#LegacyImportFails').run({ tables });

    expect(run).toSucceed();
    expect(run.path).toEqual([...ONBOARDING_START, 'Import failed', ...ONBOARDING_END]);
    expect(run.states['Import failed'].output).toMatchObject({ importStatus: 'FAILED', importError: { Error: 'States.TaskFailed' } });
    expect(run.output).toStrictEqual(ONBOARDED);
  });

  it('CustomerExists: a conditional putItem that fails is caught by its DynamoDB error name', async () => {
    const run = await testCase('onboard-customer#CustomerExists').run({ tables });

    expect(run).toFailWith('CustomerAlreadyExists');
    expect(run.path).toEqual(['Screen customer', 'Needs review?', 'Create account', 'Save customer', 'Customer exists']);
    expect(run.states['Save customer']).toMatchObject({ attempts: 1, error: 'DynamoDB.ConditionalCheckFailedException' });
  });

  it('ComplianceRejects: a high mocked risk score asks for the review, whose rejection closes the application', async () => {
    const run = await testCase('onboard-customer#ComplianceRejects').run({
      tables,
      input: { ...onboardCustomerExample, legacyAccount: undefined },
    });

    expect(run).toFailWith('ApplicationClosed');
    expect(run.path).toEqual(['Screen customer', 'Needs review?', 'Compliance review', 'Close application', 'Application closed']);
    expect(run.states['Close application'].input).toMatchObject({ approval: { Error: 'Approval.Rejected' } });
  });
});

describe('refusals', () => {
  const lambdaOk = { Return: { StatusCode: 200, Payload: {} } };
  const config = (
    testCase: Record<string, string>,
    responses: MockConfigFile['MockedResponses'] = { IssueRefundOk: { 0: lambdaOk } },
    machine = 'refund-request',
  ): MockConfigFile => ({
    StateMachines: { [machine]: { TestCases: { Broken: testCase } } },
    MockedResponses: responses,
  });
  const load = (file: MockConfigFile | string) => () => testCasesFromMockConfig(file, { workflows: catalogue });
  const ranges = (invocations: Record<string, unknown>) =>
    config({ 'Issue refund': 'IssueRefund' }, { IssueRefund: invocations as MockConfigFile['MockedResponses'][string] });
  const throwBusy = { Throw: { Error: 'Busy', Cause: 'busy' } };

  it.each([
    [
      'an unknown state machine, naming the known ones',
      config({}, {}, 'refund-requests'),
      "mock config, StateMachines['refund-requests']: no workflow is named 'refund-requests' (known: order-fulfillment, deploy-service, nightly-report, onboard-customer, refund-request, data-backfill)",
    ],
    [
      'a test case naming a state the workflow does not have',
      config({ 'Issue refunds': 'IssueRefundOk' }),
      "mock config, StateMachines['refund-request'].TestCases['Broken']['Issue refunds']: refund-request has no state named 'Issue refunds' (its Task states: Load order, Check eligibility, Finance approval, Notify refund declined, Issue refund, Mark order refunded, Notify customer)",
    ],
    [
      'a test case mocking a state that calls no service',
      config({ 'Order found?': 'IssueRefundOk' }),
      "mock config, StateMachines['refund-request'].TestCases['Broken']['Order found?']: 'Order found?' is a Choice state: only Task states call a service, so only they can be mocked",
    ],
    [
      'a mocked response name that is not defined',
      config({ 'Issue refund': 'IssueRefundOK' }),
      "mock config, StateMachines['refund-request'].TestCases['Broken']['Issue refund']: the mocked response 'IssueRefundOK' is not defined in MockedResponses (defined: IssueRefundOk)",
    ],
    [
      'overlapping repeat ranges',
      ranges({ '0-1': throwBusy, '1-2': lambdaOk }),
      "mock config, MockedResponses['IssueRefund']: '0-1' and '1-2' overlap: both answer invocation 1",
    ],
    [
      'a gap between repeat ranges',
      ranges({ 0: throwBusy, 2: lambdaOk }),
      "mock config, MockedResponses['IssueRefund']: nothing answers invocation 1: there is a gap between '0' and '2'",
    ],
    [
      'ranges that do not start at 0',
      ranges({ '1-2': throwBusy, 3: lambdaOk }),
      "mock config, MockedResponses['IssueRefund']: invocations are counted from 0, but the first one answered is '1-2'",
    ],
    [
      'a range that runs backwards',
      ranges({ '2-0': lambdaOk }),
      "mock config, MockedResponses['IssueRefund']: the range '2-0' runs backwards (write '0-2')",
    ],
    [
      'a key that is not an invocation',
      ranges({ first: lambdaOk }),
      `mock config, MockedResponses['IssueRefund']: 'first' is neither an invocation number nor a range of them ("0", "1-2", …)`,
    ],
    [
      'a response answering no invocation',
      ranges({}),
      `mock config, MockedResponses['IssueRefund']: answers no invocation: give at least "0"`,
    ],
    [
      'a response with both Return and Throw',
      ranges({ 0: { ...lambdaOk, ...throwBusy } }),
      "mock config, MockedResponses['IssueRefund']['0']: has both Return and Throw: an invocation either returns or throws",
    ],
    [
      'a response with neither Return nor Throw',
      ranges({ 0: { Retrun: {} } }),
      "mock config, MockedResponses['IssueRefund']['0']: has neither Return nor Throw: give one",
    ],
    [
      'a Throw without an Error',
      ranges({ 0: { Throw: { Cause: 'busy' } } }),
      "mock config, MockedResponses['IssueRefund']['0'].Throw: needs an Error: the error name the task fails with",
    ],
  ])('refuses %s', (_, file, message) => {
    expect(load(file)).toThrow(message);
  });

  it('refuses a file that cannot be read or is not JSON, naming the file', () => {
    expect(load('/nonexistent/mock-config.json')).toThrow(
      "/nonexistent/mock-config.json, the file: cannot be read (ENOENT: no such file or directory, open '/nonexistent/mock-config.json')",
    );
    expect(load(__filename)).toThrow(`${__filename}, the file: is not JSON (`);
  });

  it('refuses a file without StateMachines', () => {
    expect(load({ MockedResponses: {} } as unknown as MockConfigFile)).toThrow(
      'mock config, StateMachines: must be a JSON object, not missing',
    );
  });
});
