import { InvalidInputError, RefundNotAllowedError } from '../../../../workflows/definitions/handlers/errors';
import {
  checkRefundEligibility,
  issueRefund,
  notifyRefundOutcome,
  type DynamoItem,
} from '../../../../workflows/definitions/handlers/refund-request';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

/** The order as order-fulfillment records it in the orders table. */
const order: DynamoItem = {
  orderId: { S: 'ORD-10042' },
  customerId: { S: 'CUST-2291' },
  orderStatus: { S: 'SHIPPED' },
  total: { N: '109.15' },
  currency: { S: 'EUR' },
  chargeId: { S: 'CH-ORD10042' },
};
const request = { refundId: 'RF-20931', orderId: 'ORD-10042', amount: 12.5, reason: 'damaged' as const, order };

describe('refund-check-eligibility', () => {
  it('allows a partial refund of a shipped order', async () => {
    const eligibility = await invoke(checkRefundEligibility, request);

    expect(eligibility).toStrictEqual({
      customerId: 'CUST-2291',
      chargeId: 'CH-ORD10042',
      orderTotal: 109.15,
      refundable: 109.15,
      statusAfterRefund: 'PARTIALLY_REFUNDED',
    });
  });

  it('marks the order refunded when the rest is refunded', async () => {
    const eligibility = await invoke(checkRefundEligibility, {
      ...request,
      amount: 100,
      order: { ...order, refundedAmount: { N: '9.15' } },
    });

    expect(eligibility).toMatchObject({ refundable: 100, statusAfterRefund: 'REFUNDED' });
  });

  it.each([
    ['more than is left to refund', { amount: 109.16 }, 'only 109.15 of 109.15 is left to refund'],
    ['a non-positive amount', { amount: 0 }, 'the amount must be positive'],
    ['an order that was never shipped', { order: { ...order, orderStatus: { S: 'PENDING' } } }, 'status PENDING'],
    ['a missing order', { order: undefined }, 'does not exist'],
  ])('refuses %s with RefundNotAllowed', async (_case, change, message) => {
    const eligibility = invoke(checkRefundEligibility, { ...request, ...change });

    await expect(eligibility).rejects.toBeInstanceOf(RefundNotAllowedError);
    await expect(eligibility).rejects.toThrow(message);
  });

  it('rejects an order record without a total as InvalidInput', async () => {
    const { total: _total, ...withoutTotal } = order;

    const eligibility = invoke(checkRefundEligibility, { ...request, order: withoutTotal });

    await expect(eligibility).rejects.toBeInstanceOf(InvalidInputError);
    await expect(eligibility).rejects.toMatchObject({ name: 'InvalidInput', field: 'order.total' });
  });
});

describe('refund-issue-refund', () => {
  it('refunds the original charge', async () => {
    const refund = await invoke(issueRefund, { refundId: 'RF-20931', orderId: 'ORD-10042', chargeId: 'CH-ORD10042', amount: 12.5 });

    expect(refund).toStrictEqual({ refundReference: 'RE-CH-ORD10042-RF-20931', amount: 12.5, settlesInDays: 5 });
  });
});

describe('refund-notify-customer', () => {
  it.each(['refunded', 'declined'] as const)('tells the customer the refund was %s', async (outcome) => {
    const message = await invoke(notifyRefundOutcome, { customerId: 'CUST-2291', orderId: 'ORD-10042', amount: 12.5, outcome });

    expect(message).toStrictEqual({
      messageId: `MSG-ORD-10042-REFUND-${outcome.toUpperCase()}`,
      customerId: 'CUST-2291',
      template: `refund-${outcome}`,
    });
  });
});
