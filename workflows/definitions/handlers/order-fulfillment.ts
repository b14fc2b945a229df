/**
 * Task handlers of `order-fulfillment`. They simulate the shop's services deterministically:
 * a SKU starting with `OOS-` is out of stock, card `declined` or `expired` is refused, and card
 * `gateway-busy` makes the payment gateway fail its first two attempts.
 */
import { fn } from '../../dsl/task-function';
import { InvalidOrderError, OutOfStockError, PaymentDeclinedError, PaymentGatewayBusyError } from './errors';

/** One line of an order. */
export type OrderLine = { sku: string; qty: number; unitPrice: number };
/** How the customer wants the parcel shipped. */
export type ShippingRequest = { method: 'standard' | 'express'; country: string; postcode: string };
/** The carrier and service chosen for a shipment. */
export type ShippingPlan = { carrier: string; service: string };

const FREE_SHIPPING_FROM = 50;
const SHIPPING_COST = { standard: 4.9, express: 14.9 } as const;
const GOLD_DISCOUNT = 0.05;
/** Attempts on which card `gateway-busy` fails before the gateway recovers. */
const BUSY_ATTEMPTS = 2;

const cents = (amount: number): number => Math.round(amount * 100) / 100;
const slug = (id: string): string => id.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/** Prices an order: subtotal, gold-tier discount, shipping, total in EUR. */
export const priceOrder = fn(
  'order-price',
  (input: { orderId: string; items: readonly OrderLine[]; shipping: ShippingRequest; tier: 'standard' | 'gold' }) => {
    if (input.items.length === 0) throw new InvalidOrderError(input.orderId, 'it has no lines');
    const bad = input.items.find((line) => !Number.isInteger(line.qty) || line.qty <= 0 || line.unitPrice < 0);
    if (bad) throw new InvalidOrderError(input.orderId, `line ${bad.sku} has quantity ${bad.qty} at ${bad.unitPrice}`);
    const subtotal = cents(input.items.reduce((sum, line) => sum + line.qty * line.unitPrice, 0));
    const discount = input.tier === 'gold' ? cents(subtotal * GOLD_DISCOUNT) : 0;
    const free = input.shipping.method === 'standard' && subtotal >= FREE_SHIPPING_FROM;
    const shippingCost = free ? 0 : SHIPPING_COST[input.shipping.method];
    const itemCount = input.items.reduce((sum, line) => sum + line.qty, 0);
    return { subtotal, discount, shippingCost, total: cents(subtotal - discount + shippingCost), currency: 'EUR', itemCount };
  },
);

/** Reserves stock for every line in one warehouse; fails with OutOfStock for `OOS-` SKUs. */
export const reserveStock = fn('order-reserve-stock', (input: { orderId: string; items: readonly OrderLine[] }) => {
  const missing = input.items.find((line) => line.sku.startsWith('OOS-'));
  if (missing) throw new OutOfStockError(input.orderId, missing.sku);
  return {
    reservationId: `RSV-${slug(input.orderId)}`,
    warehouse: 'FRA-1',
    lines: input.items.map((line, index) => ({ sku: line.sku, qty: line.qty, bin: `A${String(index + 1).padStart(2, '0')}` })),
    expiresInMinutes: 30,
  };
});

/** Releases a stock reservation: the compensation when payment fails. */
export const releaseStock = fn('order-release-stock', (input: { orderId: string; reservationId: string }) => ({
  reservationId: input.reservationId,
  released: true,
}));

/**
 * Charges the card. `attempt` is `$$.State.RetryCount` (the DSL types context paths as unknown).
 * Card `declined`/`expired` fail with PaymentDeclined; `gateway-busy` fails with PaymentGatewayBusy
 * on the first two attempts and then succeeds.
 */
export const chargePayment = fn(
  'order-charge-payment',
  (input: { orderId: string; amount: number; currency: string; card: string; attempt: unknown }) => {
    const attempt = typeof input.attempt === 'number' ? input.attempt : 0;
    if (input.card === 'declined') throw new PaymentDeclinedError(input.orderId, 'insufficient funds');
    if (input.card === 'expired') throw new PaymentDeclinedError(input.orderId, 'card expired');
    if (input.card === 'gateway-busy' && attempt < BUSY_ATTEMPTS) throw new PaymentGatewayBusyError(input.orderId, attempt);
    return { chargeId: `CH-${slug(input.orderId)}`, amount: input.amount, currency: input.currency, attempts: attempt + 1 };
  },
);

/** Books the parcel with the planned carrier and returns its tracking number. */
export const createShipment = fn(
  'order-create-shipment',
  (input: { orderId: string; reservationId: string; plan: ShippingPlan; shipping: ShippingRequest }) => {
    const express = input.plan.service === 'express';
    return {
      shipmentId: `SHP-${slug(input.orderId)}`,
      carrier: input.plan.carrier,
      trackingNumber: `${input.plan.carrier === 'UPS' ? '1Z' : 'JJD'}${slug(input.orderId)}${input.shipping.postcode}`,
      estimatedDeliveryDays: express ? 1 : input.shipping.country === 'DE' ? 2 : 4,
    };
  },
);

/** Emails the order confirmation with the tracking number. */
export const sendOrderConfirmation = fn(
  'order-send-confirmation',
  (input: { orderId: string; to: string; total: number; trackingNumber: string }) => ({
    messageId: `MSG-${slug(input.orderId)}-CONFIRMED`,
    to: input.to,
    subject: `Your order ${input.orderId} is on its way`,
    body: `We charged EUR ${input.total.toFixed(2)}. Track your parcel with ${input.trackingNumber}.`,
  }),
);
