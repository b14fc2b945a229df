import {
  chargePayment,
  createShipment,
  priceOrder,
  releaseStock,
  reserveStock,
  sendOrderConfirmation,
  type OrderLine,
  type ShippingRequest,
} from '../../../../workflows/definitions/handlers/order-fulfillment';
import { OutOfStockError, PaymentDeclinedError } from '../../../../workflows/definitions/handlers/errors';
import type { TaskFunction } from '../../../../workflows/dsl';

/** Calls a handler as the engine does: a thrown error becomes a rejection. */
const invoke = async <In, Out>(task: TaskFunction<In, Out>, input: In): Promise<Out> => task.handler(input, {});

const items: OrderLine[] = [
  { sku: 'KB-MX-BRN', qty: 1, unitPrice: 89.9 },
  { sku: 'USB-C-2M', qty: 2, unitPrice: 12.5 },
];
const shipping: ShippingRequest = { method: 'standard', country: 'DE', postcode: '10115' };

describe('order-price', () => {
  it('applies the gold discount and free standard shipping from EUR 50', async () => {
    const pricing = await invoke(priceOrder, { orderId: 'ORD-1', items, shipping, tier: 'gold' });

    expect(pricing).toStrictEqual({ subtotal: 114.9, discount: 5.75, shippingCost: 0, total: 109.15, currency: 'EUR', itemCount: 3 });
  });

  it.each([
    ['express', 'standard', 14.9],
    ['standard', 'standard', 4.9],
  ] as const)('charges %s shipping below the free threshold', async (method, tier, shippingCost) => {
    const pricing = await invoke(priceOrder, {
      orderId: 'ORD-1',
      items: [{ sku: 'CABLE', qty: 1, unitPrice: 9.5 }],
      shipping: { ...shipping, method },
      tier,
    });

    expect(pricing.shippingCost).toBe(shippingCost);
    expect(pricing.total).toBe(Math.round((9.5 + shippingCost) * 100) / 100);
  });

  it.each([
    ['no lines', []],
    ['a zero quantity', [{ sku: 'CABLE', qty: 0, unitPrice: 9.5 }]],
    ['a negative price', [{ sku: 'CABLE', qty: 1, unitPrice: -1 }]],
  ])('rejects an order with %s as InvalidOrder', async (_case, lines) => {
    const pricing = invoke(priceOrder, { orderId: 'ORD-1', items: lines, shipping, tier: 'standard' });

    await expect(pricing).rejects.toMatchObject({ name: 'InvalidOrder', code: 'InvalidOrder', orderId: 'ORD-1' });
  });
});

describe('order-reserve-stock', () => {
  it('reserves every line in one warehouse', async () => {
    const reservation = await invoke(reserveStock, { orderId: 'ORD-10042', items });

    expect(reservation).toStrictEqual({
      reservationId: 'RSV-ORD10042',
      warehouse: 'FRA-1',
      lines: [
        { sku: 'KB-MX-BRN', qty: 1, bin: 'A01' },
        { sku: 'USB-C-2M', qty: 2, bin: 'A02' },
      ],
      expiresInMinutes: 30,
    });
  });

  it('fails with OutOfStock for a SKU starting with OOS-', async () => {
    const reservation = invoke(reserveStock, { orderId: 'ORD-1', items: [...items, { sku: 'OOS-LAMP', qty: 1, unitPrice: 30 }] });

    await expect(reservation).rejects.toBeInstanceOf(OutOfStockError);
    await expect(reservation).rejects.toMatchObject({ name: 'OutOfStock', sku: 'OOS-LAMP' });
  });
});

describe('order-release-stock', () => {
  it('releases the reservation', async () => {
    const release = await invoke(releaseStock, { orderId: 'ORD-1', reservationId: 'RSV-ORD1' });

    expect(release).toStrictEqual({ reservationId: 'RSV-ORD1', released: true });
  });
});

describe('order-charge-payment', () => {
  const charge = { orderId: 'ORD-10042', amount: 109.15, currency: 'EUR', card: 'visa-4242', attempt: 0 };

  it('charges a good card on the first attempt', async () => {
    const result = await invoke(chargePayment, charge);

    expect(result).toStrictEqual({ chargeId: 'CH-ORD10042', amount: 109.15, currency: 'EUR', attempts: 1 });
  });

  it.each([
    ['declined', 'insufficient funds'],
    ['expired', 'card expired'],
  ])('fails card %s with PaymentDeclined', async (card, reason) => {
    const result = invoke(chargePayment, { ...charge, card, attempt: 3 });

    await expect(result).rejects.toBeInstanceOf(PaymentDeclinedError);
    await expect(result).rejects.toThrow(reason);
  });

  it.each([0, 1])('fails card gateway-busy with PaymentGatewayBusy on retry count %i', async (attempt) => {
    const result = invoke(chargePayment, { ...charge, card: 'gateway-busy', attempt });

    await expect(result).rejects.toMatchObject({ name: 'PaymentGatewayBusy', attempt });
  });

  it('charges card gateway-busy on the third attempt', async () => {
    const result = await invoke(chargePayment, { ...charge, card: 'gateway-busy', attempt: 2 });

    expect(result.attempts).toBe(3);
  });

  it('treats a missing retry count as the first attempt', async () => {
    const result = invoke(chargePayment, { ...charge, card: 'gateway-busy', attempt: undefined });

    await expect(result).rejects.toMatchObject({ name: 'PaymentGatewayBusy', attempt: 0 });
  });
});

describe('order-create-shipment', () => {
  it.each([
    [{ carrier: 'UPS', service: 'express' }, 'DE', '1ZORD1004210115', 1],
    [{ carrier: 'DHL', service: 'standard' }, 'DE', 'JJDORD1004210115', 2],
    [{ carrier: 'DHL', service: 'standard' }, 'FR', 'JJDORD1004210115', 4],
  ])('books %o to %s', async (plan, country, trackingNumber, days) => {
    const shipment = await invoke(createShipment, {
      orderId: 'ORD-10042',
      reservationId: 'RSV-ORD10042',
      plan,
      shipping: { ...shipping, country },
    });

    expect(shipment).toStrictEqual({ shipmentId: 'SHP-ORD10042', carrier: plan.carrier, trackingNumber, estimatedDeliveryDays: days });
  });
});

describe('order-send-confirmation', () => {
  it('emails the total and the tracking number', async () => {
    const message = await invoke(sendOrderConfirmation, {
      orderId: 'ORD-10042',
      to: 'mia@example.com',
      total: 109.15,
      trackingNumber: '1Z123',
    });

    expect(message).toStrictEqual({
      messageId: 'MSG-ORD10042-CONFIRMED',
      to: 'mia@example.com',
      subject: 'Your order ORD-10042 is on its way',
      body: 'We charged EUR 109.15. Track your parcel with 1Z123.',
    });
  });
});
