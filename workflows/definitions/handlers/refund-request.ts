/**
 * Task handlers of `refund-request`. Eligibility reads the order as `order-fulfillment` stored it
 * in the `orders` table (DynamoDB attribute values): a refund above what is left to refund, or of
 * an order that was never shipped, fails with RefundNotAllowed.
 */
import { fn } from '../../dsl/task-function';
import { InvalidInputError, RefundNotAllowedError } from './errors';

/** Why the customer wants their money back. */
export type RefundReason = 'damaged' | 'not-delivered' | 'wrong-item' | 'changed-mind';
/** A DynamoDB item as GetItem returns it: attribute name → typed value (`{ S: 'x' }`, `{ N: '1.5' }`). */
export type DynamoItem = Record<string, Record<string, unknown>>;
/** How the customer is told about the outcome. */
export type RefundOutcome = 'refunded' | 'declined';

const REFUNDABLE_STATUSES: readonly string[] = ['SHIPPED', 'DELIVERED', 'PARTIALLY_REFUNDED'];
const SETTLEMENT_DAYS = 5;

const cents = (amount: number): number => Math.round(amount * 100) / 100;

function readString(item: DynamoItem, attribute: string): string {
  const value = item[attribute]?.S;
  if (typeof value !== 'string') throw new InvalidInputError(`order.${attribute}`, 'a string attribute ({ S })');
  return value;
}

function readNumber(item: DynamoItem, attribute: string, fallback?: number): number {
  const value = item[attribute]?.N;
  if (value === undefined && fallback !== undefined) return fallback;
  const number = typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) throw new InvalidInputError(`order.${attribute}`, 'a number attribute ({ N })');
  return number;
}

/** Checks the refund against the stored order: status, total and what was refunded before. */
export const checkRefundEligibility = fn(
  'refund-check-eligibility',
  (input: { refundId: string; orderId: string; amount: number; reason: RefundReason; order?: DynamoItem }) => {
    if (!input.order) throw new RefundNotAllowedError(input.orderId, 'the order does not exist');
    const status = readString(input.order, 'orderStatus');
    const total = readNumber(input.order, 'total');
    const refundable = cents(total - readNumber(input.order, 'refundedAmount', 0));
    if (!REFUNDABLE_STATUSES.includes(status))
      throw new RefundNotAllowedError(input.orderId, `an order in status ${status} cannot be refunded`);
    if (input.amount <= 0) throw new RefundNotAllowedError(input.orderId, `the amount must be positive, got ${input.amount}`);
    if (input.amount > refundable) throw new RefundNotAllowedError(input.orderId, `only ${refundable} of ${total} is left to refund`);
    return {
      customerId: readString(input.order, 'customerId'),
      chargeId: readString(input.order, 'chargeId'),
      orderTotal: total,
      refundable,
      statusAfterRefund: input.amount === refundable ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
    };
  },
);

/** Refunds the amount to the original charge through the payment provider. */
export const issueRefund = fn('refund-issue-refund', (input: { refundId: string; orderId: string; chargeId: string; amount: number }) => ({
  refundReference: `RE-${input.chargeId}-${input.refundId}`,
  amount: input.amount,
  settlesInDays: SETTLEMENT_DAYS,
}));

/** Emails the customer the outcome of their refund request. */
export const notifyRefundOutcome = fn(
  'refund-notify-customer',
  (input: { customerId: string; orderId: string; amount: number; outcome: RefundOutcome }) => ({
    messageId: `MSG-${input.orderId}-REFUND-${input.outcome.toUpperCase()}`,
    customerId: input.customerId,
    template: `refund-${input.outcome}`,
  }),
);
