/** `order-fulfillment`: price, reserve, charge (releasing the stock if payment fails), ship, record, confirm. */
import { dynamodb, workflow } from '../dsl';
import {
  chargePayment,
  createShipment,
  priceOrder,
  releaseStock,
  reserveStock,
  sendOrderConfirmation,
  type OrderLine,
  type ShippingRequest,
} from './handlers/order-fulfillment';

/**
 * A web-shop order. Drive the failure paths from here: a SKU starting with `OOS-` is out of stock;
 * `payment.card` `declined` or `expired` is refused; `gateway-busy` succeeds on the third attempt.
 */
export type OrderFulfillmentInput = {
  orderId: string;
  customer: { id: string; email: string; tier: 'standard' | 'gold' };
  items: OrderLine[];
  payment: { card: string };
  shipping: ShippingRequest;
};

/** A gold customer's two-line order, shipped standard within Germany. */
export const orderFulfillmentExample: OrderFulfillmentInput = {
  orderId: 'ORD-10042',
  customer: { id: 'CUST-2291', email: 'mia.schneider@example.com', tier: 'gold' },
  items: [
    { sku: 'KB-MX-BRN', qty: 1, unitPrice: 89.9 },
    { sku: 'USB-C-2M', qty: 2, unitPrice: 12.5 },
  ],
  payment: { card: 'visa-4242' },
  shipping: { method: 'standard', country: 'DE', postcode: '10115' },
};

/** Orders that earn a free upgrade to express shipping (gold customers, from this total). */
const FREE_EXPRESS_FROM = 100;

/** Fulfils a paid order end to end; the record it writes to `orders` is what `refund-request` reads. */
export const orderFulfillment = workflow(
  'order-fulfillment',
  {
    description:
      'Prices an order, reserves its stock, charges the card and ships it. If the payment fails, the stock reservation is released before the order fails.',
    example: orderFulfillmentExample,
    aliases: ['order fulfilment', 'order processing', 'fulfil order', 'shipping an order'],
    timeout: '1h',
  },
  (start) =>
    start
      .task('Price order', priceOrder, {
        parameters: { 'orderId.$': '$.orderId', 'items.$': '$.items', 'shipping.$': '$.shipping', 'tier.$': '$.customer.tier' },
        resultPath: '$.pricing',
        timeout: '30s',
      })
      .catch(['InvalidOrder'], (b) => b.fail('Order invalid', { error: 'InvalidOrder', causePath: '$.error.Cause' }), {
        resultPath: '$.error',
      })
      .task('Reserve stock', reserveStock, {
        parameters: { 'orderId.$': '$.orderId', 'items.$': '$.items' },
        resultPath: '$.reservation',
        timeout: '30s',
      })
      .catch(['OutOfStock'], (b) => b.fail('Out of stock', { error: 'OutOfStock', causePath: '$.error.Cause' }), { resultPath: '$.error' })
      .task('Charge payment', chargePayment, {
        parameters: {
          'orderId.$': '$.orderId',
          'amount.$': '$.pricing.Payload.total',
          'currency.$': '$.pricing.Payload.currency',
          'card.$': '$.payment.card',
          'attempt.$': '$$.State.RetryCount',
        },
        resultPath: '$.charge',
        timeout: '1m',
      })
      .retry({ errors: ['PaymentGatewayBusy'], interval: '2s', maxAttempts: 4, backoffRate: 2, maxDelay: '20s', jitter: 'FULL' })
      .catch(
        ['States.ALL'],
        (failed) =>
          failed
            .task('Release stock', releaseStock, {
              comment: 'Compensation: give the reserved stock back before failing the order.',
              parameters: { 'orderId.$': '$.orderId', 'reservationId.$': '$.reservation.Payload.reservationId' },
              resultPath: '$.release',
            })
            .retry({ interval: '5s', maxAttempts: 5, backoffRate: 2, comment: 'a compensation must not be skipped' })
            .fail('Payment failed', { error: 'PaymentFailed', causePath: '$.error.Cause' }),
        { resultPath: '$.error' },
      )
      .choice('Choose shipping', (c) =>
        c
          .when(
            c.or(
              c.string('$.shipping.method').equals('express'),
              c.and(c.string('$.customer.tier').equals('gold'), c.number('$.pricing.Payload.total').greaterThanEquals(FREE_EXPRESS_FROM)),
            ),
            (b) => b.pass('Ship express', { result: { carrier: 'UPS', service: 'express' }, resultPath: '$.plan' }),
          )
          .otherwise((b) => b.pass('Ship standard', { result: { carrier: 'DHL', service: 'standard' }, resultPath: '$.plan' })),
      )
      .task('Create shipment', createShipment, {
        parameters: {
          'orderId.$': '$.orderId',
          'reservationId.$': '$.reservation.Payload.reservationId',
          'plan.$': '$.plan',
          'shipping.$': '$.shipping',
        },
        resultPath: '$.shipment',
        timeout: '2m',
        heartbeat: '30s',
      })
      .task(
        'Record order',
        dynamodb.putItem({
          table: 'orders',
          item: {
            orderId: { 'S.$': '$.orderId' },
            customerId: { 'S.$': '$.customer.id' },
            orderStatus: { S: 'SHIPPED' },
            total: { 'N.$': 'States.JsonToString($.pricing.Payload.total)' },
            currency: { 'S.$': '$.pricing.Payload.currency' },
            chargeId: { 'S.$': '$.charge.Payload.chargeId' },
            trackingNumber: { 'S.$': '$.shipment.Payload.trackingNumber' },
            placedAt: { 'S.$': '$$.Execution.StartTime' },
          },
        }),
        { resultPath: null },
      )
      .retry({
        errors: ['DynamoDB.ProvisionedThroughputExceededException'],
        interval: '1s',
        maxAttempts: 5,
        backoffRate: 2,
        jitter: 'FULL',
      })
      .task('Send confirmation', sendOrderConfirmation, {
        parameters: {
          'orderId.$': '$.orderId',
          'to.$': '$.customer.email',
          'total.$': '$.pricing.Payload.total',
          'trackingNumber.$': '$.shipment.Payload.trackingNumber',
        },
        resultPath: '$.confirmation',
      })
      .pass('Summarize', {
        parameters: {
          'orderId.$': '$.orderId',
          orderStatus: 'SHIPPED',
          'total.$': '$.pricing.Payload.total',
          'trackingNumber.$': '$.shipment.Payload.trackingNumber',
          'summary.$':
            "States.Format('Order {} charged EUR {} and shipped with {} ({})', $.orderId, $.pricing.Payload.total, $.shipment.Payload.carrier, $.shipment.Payload.trackingNumber)",
        },
      })
      .succeed('Order fulfilled'),
);
