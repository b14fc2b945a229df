/** `refund-request`: load the order, check eligibility, finance approval for large refunds, refund, record, notify. */
import { dynamodb, workflow } from '../dsl';
import { checkRefundEligibility, issueRefund, notifyRefundOutcome, type RefundReason } from './handlers/refund-request';

/**
 * A support agent's refund request for an order that `order-fulfillment` recorded. An unknown
 * `orderId` fails; an amount above what is left to refund is not allowed; above
 * `REFUND_APPROVAL_THRESHOLD` finance must approve.
 */
export type RefundRequestInput = {
  refundId: string;
  orderId: string;
  /** EUR, at most what is left to refund on the order. */
  amount: number;
  reason: RefundReason;
  requestedBy: string;
};

/** A partial refund for a damaged cable of the sample order (small: no approval needed). */
export const refundRequestExample: RefundRequestInput = {
  refundId: 'RF-20931',
  orderId: 'ORD-10042',
  amount: 12.5,
  reason: 'damaged',
  requestedBy: 'support:maria.lopez',
};

/** Refunds above this amount (EUR) need finance's approval. */
export const REFUND_APPROVAL_THRESHOLD = 500;

/** Handles a refund request from the stored order to the customer's notification. */
export const refundRequest = workflow(
  'refund-request',
  {
    description:
      'Checks a refund request against the order stored in the orders table and refunds the original charge. Refunds above EUR 500 wait for finance to approve.',
    example: refundRequestExample,
    aliases: ['refund', 'refunds', 'a refund', 'refund a customer'],
    timeout: '3d',
    // Refund runs hold customer and payment data: only finance reads them; support and finance start them.
    access: { read: { groups: ['finance'] }, operate: { groups: ['support', 'finance'] } },
  },
  (start) =>
    start
      .task('Load order', dynamodb.getItem({ table: 'orders', key: { orderId: { 'S.$': '$.orderId' } }, consistentRead: true }), {
        resultPath: '$.order',
        timeout: '10s',
      })
      .retry({
        errors: ['DynamoDB.ProvisionedThroughputExceededException', 'DynamoDB.RequestLimitExceeded'],
        interval: '1s',
        maxAttempts: 4,
        backoffRate: 2,
        maxDelay: '8s',
        jitter: 'FULL',
      })
      .choice('Order found?', (c) =>
        c
          .when(c.not(c.isPresent('$.order.Item')), (b) =>
            b.fail('Order not found', { error: 'OrderNotFound', cause: 'No order with this id in the orders table.' }),
          )
          .otherwise((b) => b),
      )
      .task('Check eligibility', checkRefundEligibility, {
        parameters: {
          'refundId.$': '$.refundId',
          'orderId.$': '$.orderId',
          'amount.$': '$.amount',
          'reason.$': '$.reason',
          'order.$': '$.order.Item',
        },
        resultPath: '$.eligibility',
        timeout: '30s',
      })
      .catch(['RefundNotAllowed'], (b) => b.fail('Not refundable', { error: 'RefundNotAllowed', causePath: '$.error.Cause' }), {
        resultPath: '$.error',
      })
      .choice('Needs approval?', (c) =>
        c
          .when(c.number('$.amount').greaterThan(REFUND_APPROVAL_THRESHOLD), (large) =>
            large
              .approval('Finance approval', {
                approvers: { groups: ['finance'] },
                message: 'Refund EUR {$.amount} of order {$.orderId} ({$.reason})? Requested by {$.requestedBy}.',
                timeout: '48h',
              })
              .onRejected((rejected) =>
                rejected
                  .task('Notify refund declined', notifyRefundOutcome, {
                    parameters: {
                      'customerId.$': '$.eligibility.Payload.customerId',
                      'orderId.$': '$.orderId',
                      'amount.$': '$.amount',
                      outcome: 'declined',
                    },
                    resultPath: '$.notification',
                  })
                  .succeed('Refund declined'),
              )
              .onExpired((expired) =>
                expired.fail('Approval expired', {
                  error: 'ApprovalExpired',
                  cause: 'Finance did not decide within 48 hours; support must resubmit the request.',
                }),
              ),
          )
          .otherwise((b) => b),
      )
      .task('Issue refund', issueRefund, {
        parameters: {
          'refundId.$': '$.refundId',
          'orderId.$': '$.orderId',
          'chargeId.$': '$.eligibility.Payload.chargeId',
          'amount.$': '$.amount',
        },
        resultPath: '$.refund',
        timeout: '2m',
        heartbeat: '30s',
      })
      .retry({
        errors: ['States.Timeout'],
        interval: '30s',
        maxAttempts: 2,
        backoffRate: 2,
        comment: 'safe to repeat: the provider deduplicates refunds by refundId',
      })
      .task(
        'Mark order refunded',
        dynamodb.updateItem({
          table: 'orders',
          key: { orderId: { 'S.$': '$.orderId' } },
          update: 'SET refundedAmount = if_not_exists(refundedAmount, :zero) + :amount, orderStatus = :status',
          values: {
            ':amount': { 'N.$': 'States.JsonToString($.amount)' },
            ':zero': { N: '0' },
            ':status': { 'S.$': '$.eligibility.Payload.statusAfterRefund' },
          },
        }),
        { resultPath: null },
      )
      .task('Notify customer', notifyRefundOutcome, {
        parameters: {
          'customerId.$': '$.eligibility.Payload.customerId',
          'orderId.$': '$.orderId',
          'amount.$': '$.amount',
          outcome: 'refunded',
        },
        resultPath: '$.notification',
      })
      .pass('Refund summary', {
        parameters: {
          'refundId.$': '$.refundId',
          'orderId.$': '$.orderId',
          'amount.$': '$.amount',
          'refundReference.$': '$.refund.Payload.refundReference',
          'summary.$':
            "States.Format('Refunded EUR {} of order {} ({}); settles in {} days', $.amount, $.orderId, $.refund.Payload.refundReference, $.refund.Payload.settlesInDays)",
        },
      })
      .succeed('Refunded'),
);
