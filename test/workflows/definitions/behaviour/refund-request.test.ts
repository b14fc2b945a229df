/** refund-request's behaviour: the stored order, eligibility, finance's approval above EUR 500, the refund and the orders record. */
import { REFUND_APPROVAL_THRESHOLD, refundRequest, refundRequestExample, type RefundRequestInput } from '../../../../workflows/definitions';
import { checkRefundEligibility, issueRefund, notifyRefundOutcome } from '../../../../workflows/definitions/handlers/refund-request';
import { tables } from '../../../../workflows/definitions/tables';
import type { TaskFunction } from '../../../../workflows/dsl';
import { testWorkflow, workflowCoverage, workflowMatchers, type TaskMock, type TestedRun } from '../../../../workflows/testing';

expect.extend(workflowMatchers);

/** A EUR 750 refund of the sample order ORD-20077 (total 1249): finance must approve it. */
const large: RefundRequestInput = {
  ...refundRequestExample,
  refundId: 'RF-90001',
  orderId: 'ORD-20077',
  amount: 750,
  reason: 'not-delivered',
};

const requestWith = (changes: Partial<RefundRequestInput>): RefundRequestInput => ({ ...refundRequestExample, ...changes });

/** The catalogue's tables with one more order in `orders`. */
function tablesWithOrder(item: Record<string, Record<string, string>>) {
  return tables.map((table) => (table.name === 'orders' ? { ...table, sampleItems: [...table.sampleItems, item] } : table));
}

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** The `orders` item the run left for `orderId`. */
function orderItem(run: TestedRun<unknown>, orderId: string): Record<string, unknown> | undefined {
  return run.tables.orders.find((item) => (item.orderId as { S: string }).S === orderId);
}

describe('refund-request', () => {
  it('refunds a small amount without approval and marks the order partially refunded', async () => {
    const run = await testWorkflow(refundRequest, { input: refundRequestExample, tables });

    expect(run).toSucceed();
    expect(run.path).toEqual([
      'Load order',
      'Order found?',
      'Check eligibility',
      'Needs approval?',
      'Issue refund',
      'Mark order refunded',
      'Notify customer',
      'Refund summary',
      'Refunded',
    ]);
    expect(run.output).toEqual({
      refundId: 'RF-20931',
      orderId: 'ORD-10042',
      amount: 12.5,
      refundReference: 'RE-CH-ORD-10042-RF-20931',
      summary: 'Refunded EUR 12.5 of order ORD-10042 (RE-CH-ORD-10042-RF-20931); settles in 5 days',
    });
    expect(orderItem(run, 'ORD-10042')).toMatchObject({
      orderStatus: { S: 'PARTIALLY_REFUNDED' },
      refundedAmount: { N: '12.5' },
      total: { N: '109.15' },
    });
    expect(run.states['Notify customer'].output).toMatchObject({
      notification: { Payload: { customerId: 'CUST-2291', template: 'refund-refunded' } },
    });
  });

  it('marks the order REFUNDED when the whole remaining amount is refunded', async () => {
    const run = await testWorkflow(refundRequest, { input: requestWith({ amount: 109.15 }), tables });

    expect(run).toSucceed();
    expect(run.states['Check eligibility'].output).toMatchObject({
      eligibility: { Payload: { refundable: 109.15, statusAfterRefund: 'REFUNDED' } },
    });
    expect(orderItem(run, 'ORD-10042')).toMatchObject({ orderStatus: { S: 'REFUNDED' }, refundedAmount: { N: '109.15' } });
  });

  it('adds to what an earlier refund left', async () => {
    const earlier = {
      orderId: { S: 'ORD-30001' },
      customerId: { S: 'CUST-1' },
      orderStatus: { S: 'PARTIALLY_REFUNDED' },
      total: { N: '80' },
      currency: { S: 'EUR' },
      chargeId: { S: 'CH-30001' },
      refundedAmount: { N: '30' },
    };

    const run = await testWorkflow(refundRequest, {
      input: requestWith({ orderId: 'ORD-30001', amount: 50 }),
      tables: tablesWithOrder(earlier),
    });

    expect(run).toSucceed();
    expect(orderItem(run, 'ORD-30001')).toMatchObject({ orderStatus: { S: 'REFUNDED' }, refundedAmount: { N: '80' } });
  });

  it('fails with OrderNotFound, without checking eligibility, for an order the table does not have', async () => {
    const run = await testWorkflow(refundRequest, { input: requestWith({ orderId: 'ORD-404' }), tables });

    expect(run).toFailWith('OrderNotFound', 'No order with this id');
    expect(run.path).toEqual(['Load order', 'Order found?', 'Order not found']);
  });

  it.each([
    ['more than the order total', requestWith({ amount: 200 }), undefined, 'only 109.15 of 109.15 is left to refund'],
    ['a zero amount', requestWith({ amount: 0 }), undefined, 'the amount must be positive'],
    [
      'an order that never shipped',
      requestWith({ orderId: 'ORD-30002' }),
      {
        orderId: { S: 'ORD-30002' },
        customerId: { S: 'CUST-2' },
        orderStatus: { S: 'PENDING' },
        total: { N: '40' },
        currency: { S: 'EUR' },
        chargeId: { S: 'CH-30002' },
      },
      'an order in status PENDING cannot be refunded',
    ],
    [
      'more than an earlier refund left',
      requestWith({ orderId: 'ORD-30003', amount: 20 }),
      {
        orderId: { S: 'ORD-30003' },
        customerId: { S: 'CUST-3' },
        orderStatus: { S: 'PARTIALLY_REFUNDED' },
        total: { N: '50' },
        currency: { S: 'EUR' },
        chargeId: { S: 'CH-30003' },
        refundedAmount: { N: '40' },
      },
      'only 10 of 50 is left to refund',
    ],
  ])('fails with RefundNotAllowed for %s, leaving the order as it was', async (_, input, extraOrder, message) => {
    const run = await testWorkflow(refundRequest, { input, tables: extraOrder ? tablesWithOrder(extraOrder) : tables });

    expect(run).toFailWith('RefundNotAllowed', message);
    expect(run.path.slice(-2)).toEqual(['Check eligibility', 'Not refundable']);
    expect(orderItem(run, input.orderId)).toEqual(extraOrder ?? tables[0].sampleItems[0]);
    expect(run.path).not.toContain('Issue refund');
  });

  it(`refunds exactly EUR ${REFUND_APPROVAL_THRESHOLD} without asking finance`, async () => {
    // No approval decision is given: reaching 'Finance approval' would make the kit reject the run.
    const run = await testWorkflow(refundRequest, { input: { ...large, amount: REFUND_APPROVAL_THRESHOLD }, tables });

    expect(run).toSucceed();
    expect(run.path[run.path.indexOf('Needs approval?') + 1]).toBe('Issue refund');
  });

  it('asks finance for a large refund and refunds once approved', async () => {
    const run = await testWorkflow(refundRequest, {
      input: large,
      tables,
      approvals: { 'Finance approval': { approve: true, by: 'fiona.finance', comment: 'carrier lost it' } },
    });

    expect(run).toSucceed();
    expect(run).toHavePassedThrough(
      'Needs approval?',
      'Finance approval',
      'Issue refund',
      'Mark order refunded',
      'Notify customer',
      'Refunded',
    );
    expect(run.states['Finance approval'].output).toMatchObject({
      approval: { approved: true, decidedBy: 'fiona.finance', comment: 'carrier lost it' },
    });
    expect(orderItem(run, 'ORD-20077')).toMatchObject({ orderStatus: { S: 'PARTIALLY_REFUNDED' }, refundedAmount: { N: '750' } });
  });

  it('tells the customer and ends as declined, refunding nothing, when finance rejects', async () => {
    const run = await testWorkflow(refundRequest, {
      input: large,
      tables,
      approvals: { 'Finance approval': { approve: false, by: 'fiona.finance', reason: 'no proof' } },
    });

    expect(run).toSucceed();
    expect(run.path.slice(-3)).toEqual(['Finance approval', 'Notify refund declined', 'Refund declined']);
    expect(run.states['Notify refund declined'].output).toMatchObject({
      notification: { Payload: { messageId: 'MSG-ORD-20077-REFUND-DECLINED', template: 'refund-declined' } },
      approval: { Error: 'Approval.Rejected', Cause: JSON.stringify({ approved: false, decidedBy: 'fiona.finance', reason: 'no proof' }) },
    });
    expect(run.path).not.toContain('Issue refund');
    expect(orderItem(run, 'ORD-20077')).not.toHaveProperty('refundedAmount');
  });

  it('fails with ApprovalExpired after 48 hours without a decision, refunding nothing', async () => {
    const run = await testWorkflow(refundRequest, { input: large, tables, approvals: { 'Finance approval': { expire: true } } });

    expect(run).toFailWith('ApprovalExpired', 'Finance did not decide within 48 hours');
    expect(run.states['Finance approval'].error).toBe('States.Timeout');
    expect(run.durationMs).toBeGreaterThanOrEqual(48 * 3600 * 1000);
    expect(run.path.slice(-2)).toEqual(['Finance approval', 'Approval expired']);
    expect(orderItem(run, 'ORD-20077')).not.toHaveProperty('refundedAmount');
  });

  it('retries a refund that timed out (the provider deduplicates by refundId), then records it', async () => {
    const refunded = { refundReference: 'RE-LATE', amount: 12.5, settlesInDays: 5 };

    const run = await testWorkflow(refundRequest, {
      input: refundRequestExample,
      tables,
      mocks: { 'Issue refund': { sequence: [{ delay: '3m' }, { result: refunded }] } },
    });

    expect(run).toSucceed();
    expect(run.states['Issue refund']).toMatchObject({ attempts: 2, visits: 1 });
    expect(run.output).toMatchObject({ refundReference: 'RE-LATE' });
    // The 2-minute timeout, then 30 s of backoff.
    expect(run.durationMs).toBeGreaterThanOrEqual(150_000);
    expect(orderItem(run, 'ORD-10042')).toMatchObject({ refundedAmount: { N: '12.5' } });
  });

  it('fails with States.Timeout after two retries when the provider never answers, leaving the order untouched', async () => {
    const run = await testWorkflow(refundRequest, { input: refundRequestExample, tables, mocks: { 'Issue refund': { delay: '10m' } } });

    expect(run).toFailWith('States.Timeout');
    expect(run.states['Issue refund']).toMatchObject({ attempts: 3, error: 'States.Timeout' });
    expect(orderItem(run, 'ORD-10042')).not.toHaveProperty('refundedAmount');
  });

  it('retries a throttled order read, then goes on', async () => {
    const order = { Item: tables[0].sampleItems[0] };

    const run = await testWorkflow(refundRequest, {
      input: refundRequestExample,
      tables,
      mocks: { 'Load order': { sequence: [{ error: 'DynamoDB.RequestLimitExceeded', cause: 'throttled' }, { result: order }] } },
    });

    expect(run).toSucceed();
    expect(run.states['Load order']).toMatchObject({ attempts: 2 });
  });

  it.each([
    ['Check eligibility', checkRefundEligibility, refundRequestExample],
    ['Issue refund', issueRefund, refundRequestExample],
    ['Notify customer', notifyRefundOutcome, refundRequestExample],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task, input) => {
    const run = await testWorkflow(refundRequest, {
      input,
      tables,
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
    });

    expect(run).toSucceed();
    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
  });

  it('retries the declined notice after a transient Lambda service error', async () => {
    const run = await testWorkflow(refundRequest, {
      input: large,
      tables,
      approvals: { 'Finance approval': { approve: false, by: 'fiona.finance' } },
      mocks: { 'Notify refund declined': transientThen(notifyRefundOutcome) },
    });

    expect(run).toSucceed();
    expect(run.states['Notify refund declined']).toMatchObject({ attempts: 2 });
  });

  it('covers every state, Choice branch, Catch and Retry arm', () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'refund-request');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });
});
