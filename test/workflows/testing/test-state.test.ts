import { deployService, refundRequest, REFUND_APPROVAL_THRESHOLD } from '../../../workflows/definitions';
import { StateTestError, testState } from '../../../workflows/testing/test-state';

const health = (instancesHealthy: boolean, errorRate: number) => ({
  service: 'checkout-api',
  health: { Payload: { instancesHealthy, errorRate } },
});

describe('testState (kit)', () => {
  it.each([
    [health(true, 0.2), 'Promote'],
    [health(true, 4.7), 'Roll back production'],
    [health(false, 0.2), 'Roll back production'],
  ])("takes deploy-service's canary Choice to the right state for %j", async (input, next) => {
    const result = await testState(deployService, 'Canary healthy?', { input });

    expect(result).toStrictEqual({ status: 'SUCCEEDED', nextState: next, output: input });
  });

  it.each([
    [REFUND_APPROVAL_THRESHOLD + 0.01, 'Finance approval'],
    [REFUND_APPROVAL_THRESHOLD, 'Issue refund'],
  ])("sends a refund of EUR %d to '%s'", async (amount, next) => {
    const result = await testState(refundRequest, 'Needs approval?', { input: { orderId: 'ORD-1', amount }, inspectionLevel: 'DEBUG' });

    expect(result.nextState).toBe(next);
    expect(result.inspectionData).toStrictEqual({ input: { orderId: 'ORD-1', amount }, afterInputPath: { orderId: 'ORD-1', amount } });
  });

  it('catches a mocked RefundNotAllowed into $.error and goes to the Fail state', async () => {
    const input = { refundId: 'RF-1', orderId: 'ORD-1', amount: 10, reason: 'damaged', order: { Item: {} } };

    const result = await testState(refundRequest, 'Check eligibility', {
      input,
      mock: { error: 'RefundNotAllowed', cause: 'already refunded' },
      inspectionLevel: 'DEBUG',
    });

    expect(result).toMatchObject({
      status: 'CAUGHT_ERROR',
      nextState: 'Not refundable',
      error: 'RefundNotAllowed',
      output: { ...input, error: { Error: 'RefundNotAllowed', Cause: 'already refunded' } },
      inspectionData: { errorDetails: { catchIndex: 0 } },
    });
  });

  it('shapes a mocked Lambda result with the ResultSelector and ResultPath the DSL compiled', async () => {
    const input = { refundId: 'RF-1', orderId: 'ORD-1', amount: 10, reason: 'damaged', order: { Item: {} } };

    const result = await testState(refundRequest, 'Check eligibility', {
      input,
      mock: { result: { Payload: { customerId: 'C-1', chargeId: 'ch_1' }, StatusCode: 200 } },
      inspectionLevel: 'DEBUG',
    });

    expect(result.status).toBe('SUCCEEDED');
    expect(result.nextState).toBe('Needs approval?');
    expect(result.output).toStrictEqual({ ...input, eligibility: { Payload: { customerId: 'C-1', chargeId: 'ch_1' } } });
    expect(result.inspectionData?.afterParameters).toStrictEqual({
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:refund-check-eligibility',
      Payload: { refundId: 'RF-1', orderId: 'ORD-1', amount: 10, reason: 'damaged', order: {} },
    });
  });

  it("runs the workflow's own handler when unmocked: failing integration tests are caught to roll back staging", async () => {
    const input = { service: 'checkout-api', staging: { Payload: { url: 'https://staging.example.com' } }, failTests: ['integration'] };

    const result = await testState(deployService, 'Integration tests', { input });

    expect(result).toMatchObject({ status: 'CAUGHT_ERROR', error: 'TestsFailed', nextState: 'Roll back staging' });
  });

  it('reports a refund timing out as RETRIABLE until its retrier is spent, then FAILED', async () => {
    const input = { refundId: 'RF-1', orderId: 'ORD-1', amount: 10, eligibility: { Payload: { chargeId: 'ch_1' } } };
    const mock = { error: 'States.Timeout' };

    const first = await testState(refundRequest, 'Issue refund', { input, mock, inspectionLevel: 'DEBUG' });
    const spent = await testState(refundRequest, 'Issue refund', { input, mock, inspectionLevel: 'DEBUG', retrierRetryCount: 2 });

    expect(first).toMatchObject({
      status: 'RETRIABLE',
      inspectionData: { errorDetails: { retryIndex: 1, retryBackoffIntervalSeconds: 30 } },
    });
    expect(spent).toMatchObject({ status: 'FAILED', error: 'States.Timeout', inspectionData: { errorDetails: { retryIndex: 1 } } });
  });

  it('names the closest states when the state does not exist', async () => {
    const attempt = testState(refundRequest, 'Needs aproval', { input: {} });

    await expect(attempt).rejects.toThrow(StateTestError);
    await expect(attempt).rejects.toThrow("workflow 'refund-request' has no state 'Needs aproval'; the closest are 'Needs approval?'");
  });

  it("passes TestState's refusals on with AWS's exception name", async () => {
    const attempt = testState(refundRequest, 'Refund summary', { input: {}, mock: { result: {} } });

    await expect(attempt).rejects.toMatchObject({
      code: 'ValidationException',
      message: "testState('refund-request', 'Refund summary'): State type 'Pass' is not supported when a mock is specified",
    });
  });
});
