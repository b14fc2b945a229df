/** The test kit's own behaviour: each mock kind, virtual time, approvals, nested runs, tables, strict mode, coverage. */
import {
  deployService,
  onboardCustomer,
  onboardCustomerExample,
  refundRequest,
  refundRequestExample,
} from '../../../workflows/definitions';
import { issueRefund } from '../../../workflows/definitions/handlers/refund-request';
import { tables } from '../../../workflows/definitions/tables';
import { compile, workflow } from '../../../workflows/dsl';
import { coverageItems, mockFn, resetWorkflowCoverage, testWorkflow, workflowCoverage, workflowMatchers } from '../../../workflows/testing';

expect.extend(workflowMatchers);

const large = { ...refundRequestExample, refundId: 'RF-90001', orderId: 'ORD-20077', amount: 750 };
const approveLarge = { 'Finance approval': { approve: true as const, by: 'fiona', comment: 'ok' } };

describe('mocks', () => {
  it('answers with a function of the state input', async () => {
    const seen: unknown[] = [];
    const run = await testWorkflow(refundRequest, {
      tables,
      mocks: {
        'Check eligibility': {
          result: (input: unknown) => {
            seen.push(input);
            return { customerId: 'CUST-1', chargeId: 'CH-1', statusAfterRefund: 'PARTIALLY_REFUNDED', remaining: 96.65 };
          },
        },
      },
    });

    expect(run).toSucceed();
    expect(seen).toEqual([expect.objectContaining({ refundId: 'RF-20931', orderId: 'ORD-10042', amount: 12.5 })]);
    expect(run.states['Issue refund'].input).toMatchObject({ eligibility: { Payload: { chargeId: 'CH-1' } } });
  });

  it('fails a task with the error given, which its Catch handles', async () => {
    const run = await testWorkflow(refundRequest, {
      tables,
      mocks: { 'Check eligibility': { error: 'RefundNotAllowed', cause: 'already refunded' } },
    });

    expect(run).toFailWith('RefundNotAllowed');
    expect(run.path.slice(-2)).toEqual(['Check eligibility', 'Not refundable']);
    // A Lambda task's failure: the cause is Lambda's error JSON, as on AWS.
    expect(run.states['Check eligibility']).toMatchObject({ error: 'RefundNotAllowed', attempts: 1 });
    expect(JSON.parse(run.states['Check eligibility'].cause ?? '{}')).toMatchObject({
      errorType: 'RefundNotAllowed',
      errorMessage: 'already refunded',
    });
  });

  it('plays a sequence per attempt, with the Retry backoff elapsing in virtual time', async () => {
    const slow = { delay: '3m' as const };
    const run = await testWorkflow(refundRequest, {
      tables,
      fnMocks: [mockFn(issueRefund, { sequence: [slow, slow, { result: { refundReference: 'RE-1', amount: 12.5, settlesInDays: 5 } }] })],
    });

    expect(run).toSucceed();
    expect(run.states['Issue refund']).toMatchObject({ attempts: 3 });
    // Two 2-minute timeouts, then 30 s and 60 s of backoff before the third attempt.
    expect(run.durationMs).toBeGreaterThanOrEqual((120 + 30 + 120 + 60) * 1000);
  });

  it('pins FULL retry jitter with the random given', async () => {
    // 'Load order' retries throttling with FULL jitter: interval 1 s, backoff 2.
    const throttled = { error: 'DynamoDB.ProvisionedThroughputExceededException' };
    const run = await testWorkflow(refundRequest, {
      tables,
      random: () => 0.5,
      serviceMocks: {
        'Load order': {
          sequence: [
            throttled,
            throttled,
            {
              result: {
                Item: {
                  orderId: { S: 'ORD-10042' },
                  total: { N: '109.15' },
                  chargeId: { S: 'CH-1' },
                  customerId: { S: 'CUST-1' },
                  orderStatus: { S: 'SHIPPED' },
                },
              },
            },
          ],
        },
      },
    });

    const failed = run.history.filter((event) => event.type === 'TaskFailed').map((event) => event.timestamp as number);
    const scheduled = run.history.filter((event) => event.type === 'TaskScheduled').map((event) => event.timestamp as number);
    expect(run.states['Load order'].attempts).toBe(3);
    // Waits of 0.5 × 1 s and 0.5 × 2 s (history timestamps are epoch seconds).
    expect([scheduled[1] - failed[0], scheduled[2] - failed[1]]).toEqual([0.5, 1]);
  });

  it('trips TimeoutSeconds with a delay longer than the task may take', async () => {
    const run = await testWorkflow(refundRequest, { tables, mocks: { 'Issue refund': { delay: '10m' } } });

    expect(run).toFailWith('States.Timeout');
    expect(run.states['Issue refund']).toMatchObject({ attempts: 3, error: 'States.Timeout' });
  });

  it('trips HeartbeatSeconds when a callback task is answered later than its heartbeat', async () => {
    const waiting = workflow('kit-heartbeat', { description: 'Waits for a callback with a heartbeat.', example: {} }, (start) =>
      start.task('Wait for worker', 'arn:aws:states:::lambda:invoke.waitForTaskToken', {
        parameters: { FunctionName: 'worker', Payload: { 'token.$': '$$.Task.Token' } },
        heartbeat: '30s',
        timeout: '1h',
      }),
    );

    const late = await testWorkflow(waiting, { serviceMocks: { 'Wait for worker': { delay: '5m', result: { done: true } } } });
    const inTime = await testWorkflow(waiting, { serviceMocks: { 'Wait for worker': { delay: '10s', result: { done: true } } } });

    // A missed heartbeat is recorded as States.Timeout (Retry and Catch also match States.HeartbeatTimeout), well before the 1 h timeout.
    expect(late).toFailWith('States.Timeout');
    expect(late.durationMs).toBe(30_000);
    expect(inTime).toSucceed();
    expect(inTime.output).toEqual({ done: true });
  });

  it('refuses a mock for a state the workflow does not have', async () => {
    await expect(testWorkflow(refundRequest, { tables, mocks: { 'Issue refunds': { result: {} } } })).rejects.toThrow(
      "mocks names 'Issue refunds', but no state has that name",
    );
  });

  it('in strict mode, refuses to call a real handler and names the state', async () => {
    await expect(testWorkflow(refundRequest, { tables, strict: true })).rejects.toThrow(
      "strict: 'Check eligibility' calls refund-check-eligibility, which has no mock",
    );
  });
});

describe('approvals', () => {
  it('approve: the run goes on with the decision the product would send', async () => {
    const run = await testWorkflow(refundRequest, { tables, input: large, approvals: approveLarge });

    expect(run).toSucceed();
    expect(run.states['Finance approval'].output).toMatchObject({ approval: { approved: true, decidedBy: 'fiona', comment: 'ok' } });
  });

  it('reject: the Approval.Rejected error with the decision as its cause reaches onRejected', async () => {
    const run = await testWorkflow(refundRequest, {
      tables,
      input: large,
      approvals: { 'Finance approval': { approve: false, by: 'fiona', reason: 'too much' } },
    });

    expect(run).toSucceed();
    expect(run).toHavePassedThrough('Finance approval', 'Notify refund declined', 'Refund declined');
    expect(run.states['Finance approval']).toMatchObject({
      error: 'Approval.Rejected',
      cause: JSON.stringify({ approved: false, decidedBy: 'fiona', reason: 'too much' }),
    });
  });

  it('expire: nobody decides, and 48 hours of virtual time later onExpired runs', async () => {
    const run = await testWorkflow(refundRequest, { tables, input: large, approvals: { 'Finance approval': { expire: true } } });

    expect(run).toFailWith('ApprovalExpired');
    expect(run.durationMs).toBeGreaterThanOrEqual(48 * 3600 * 1000);
  });

  it('four-eyes: the person who started the run may not decide it', async () => {
    await expect(testWorkflow(refundRequest, { tables, input: large, startedBy: 'fiona', approvals: approveLarge })).rejects.toThrow(
      "four-eyes: fiona started the run, so fiona may not decide 'Finance approval'",
    );
  });

  it('an approval reached with no decision given is a mistake in the test, named', async () => {
    await expect(testWorkflow(refundRequest, { tables, input: large })).rejects.toThrow(
      "'Finance approval' asks for an approval, but approvals has no decision for it",
    );
  });
});

describe('tables and nested workflows', () => {
  it('runs DynamoDB tasks against the tables given and returns them as the run left them', async () => {
    const run = await testWorkflow(refundRequest, { tables });

    expect(run).toSucceed();
    expect(run.tables.orders.find((item) => (item.orderId as { S: string }).S === 'ORD-10042')).toMatchObject({
      refundedAmount: { N: '12.5' },
    });
  });

  it('names the tables a workflow needs when the test gives none', async () => {
    await expect(testWorkflow(refundRequest)).rejects.toThrow("the workflow uses the table 'orders': pass its definition in tables");
  });

  it('runs the child workflow a startWorkflow task starts', async () => {
    const run = await testWorkflow(onboardCustomer, { input: onboardCustomerExample, tables });

    expect(run).toHavePassedThrough('Import legacy data');
    expect(run.states['Import legacy data'].output).toMatchObject({
      importResult: { executionArn: expect.stringContaining(':execution:data-backfill:'), report: expect.any(Object) },
    });
    // The child run counts towards the child workflow's coverage.
    expect(workflowCoverage().find((each) => each.workflow === 'data-backfill')?.covered).toContain('state:Plan partitions');
  });
});

describe('the run report', () => {
  it("gives a Parallel state its output and its branches' states theirs", async () => {
    const run = await testWorkflow(deployService, { approvals: { 'Approve production': { approve: true, by: 'rita' } } });

    expect(run).toSucceed();
    expect(run.states['Build checks'].output).toEqual(expect.anything());
    expect(run.states['Unit tests']).toMatchObject({ attempts: 1, output: expect.anything() });
    expect(run.path.indexOf('Build checks')).toBeLessThan(run.path.indexOf('Unit tests'));
  });

  it('keeps the history as GetExecutionHistory shows it', async () => {
    const run = await testWorkflow(refundRequest, { tables });

    expect(run.history[0]).toMatchObject({
      id: 1,
      previousEventId: 0,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: expect.any(String) },
    });
    expect(run.history.at(-1)).toMatchObject({ type: 'ExecutionSucceeded' });
  });

  it('explains a failure with its path and the failing state', async () => {
    const run = await testWorkflow(refundRequest, {
      tables,
      mocks: { 'Check eligibility': { error: 'RefundNotAllowed', cause: 'already refunded' } },
    });

    expect(run.explain()).toBe(
      [
        'The run FAILED with RefundNotAllowed: already refunded.',
        'Path: Load order → Order found? → Check eligibility → Not refundable',
        "'Check eligibility' failed with RefundNotAllowed: already refunded (1 attempt).",
      ].join('\n'),
    );
  });
});

describe('coverage', () => {
  it('counts states, Choice rules and defaults, Catch and Retry arms across runs', async () => {
    resetWorkflowCoverage();
    await testWorkflow(refundRequest, { tables });
    const afterOne = workflowCoverage().find((each) => each.workflow === 'refund-request')!;
    expect(afterOne.covered).toEqual(expect.arrayContaining(['state:Load order', 'default:Needs approval?', 'default:Order found?']));
    expect(afterOne.covered).not.toContain('choice:Needs approval?:0');
    expect(afterOne.covered).not.toContain('catch:Check eligibility:0');

    await testWorkflow(refundRequest, { tables, input: large, approvals: approveLarge });
    await testWorkflow(refundRequest, { tables, mocks: { 'Check eligibility': { error: 'RefundNotAllowed' } } });
    await testWorkflow(refundRequest, {
      tables,
      fnMocks: [
        mockFn(issueRefund, { sequence: [{ delay: '3m' }, { result: { refundReference: 'RE-1', amount: 12.5, settlesInDays: 5 } }] }),
      ],
    });
    const after = workflowCoverage().find((each) => each.workflow === 'refund-request')!;

    const timeoutRetry = after.items.find((item) => item.label === "'Issue refund' retries States.Timeout")!;
    expect(after.covered).toEqual(
      expect.arrayContaining(['choice:Needs approval?:0', 'catch:Check eligibility:0', 'state:Finance approval', timeoutRetry.key]),
    );
    // The retrier for Lambda's transient service errors is not counted as a branch.
    expect(after.items.map((item) => item.label)).not.toContain(expect.stringContaining('Lambda.ServiceException'));
    expect(after.items.map((item) => item.key)).toEqual(coverageItems(compile(refundRequest).definition).map((item) => item.key));
  });
});
