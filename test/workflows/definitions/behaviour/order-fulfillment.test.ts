/** order-fulfillment's behaviour: pricing, stock, payment with its retry and compensation, shipping choice, the orders record. */
import { orderFulfillment, orderFulfillmentExample, type OrderFulfillmentInput } from '../../../../workflows/definitions';
import {
  chargePayment,
  createShipment,
  priceOrder,
  releaseStock,
  reserveStock,
  sendOrderConfirmation,
} from '../../../../workflows/definitions/handlers/order-fulfillment';
import { tables } from '../../../../workflows/definitions/tables';
import type { TaskFunction } from '../../../../workflows/dsl';
import { testWorkflow, workflowCoverage, workflowMatchers, type TaskMock } from '../../../../workflows/testing';

expect.extend(workflowMatchers);

/** The catalogue's tables, empty: what a run writes is all there is. */
const emptyTables = tables.map((table) => ({ ...table, sampleItems: [] }));

const orderWith = (changes: Partial<OrderFulfillmentInput>): OrderFulfillmentInput => ({ ...orderFulfillmentExample, ...changes });

/** A transient Lambda service error on the first attempt, then the real handler's answer. */
function transientThen<In, Out>(task: TaskFunction<In, Out>): TaskMock<Out> {
  return { sequence: [{ error: 'Lambda.ServiceException', cause: 'Rate exceeded' }, { result: (input) => task.handler(input as In, {}) }] };
}

/** The `orders` item the run left for `orderId`. */
function orderItem(
  run: { tables: Readonly<Record<string, Record<string, unknown>[]>> },
  orderId: string,
): Record<string, unknown> | undefined {
  return run.tables.orders.find((item) => (item.orderId as { S: string }).S === orderId);
}

describe('order-fulfillment', () => {
  it('prices, reserves, charges, ships express (gold over EUR 100), records and confirms the example order', async () => {
    const run = await testWorkflow(orderFulfillment, { input: orderFulfillmentExample, tables: emptyTables });

    expect(run).toSucceed();
    expect(run.path).toEqual([
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
    ]);
    expect(run.states['Price order'].output).toMatchObject({
      pricing: { Payload: { subtotal: 114.9, discount: 5.75, shippingCost: 0, total: 109.15, currency: 'EUR', itemCount: 3 } },
    });
    expect(run.states['Charge payment'].output).toMatchObject({
      charge: { Payload: { chargeId: 'CH-ORD10042', amount: 109.15, currency: 'EUR', attempts: 1 } },
    });
    expect(run.output).toEqual({
      orderId: 'ORD-10042',
      orderStatus: 'SHIPPED',
      total: 109.15,
      trackingNumber: '1ZORD1004210115',
      summary: 'Order ORD-10042 charged EUR 109.15 and shipped with UPS (1ZORD1004210115)',
    });
    expect(run.states['Send confirmation'].output).toMatchObject({
      confirmation: { Payload: { to: 'mia.schneider@example.com', subject: 'Your order ORD-10042 is on its way' } },
    });
  });

  it('records the shipped order in the orders table, as refund-request reads it', async () => {
    const run = await testWorkflow(orderFulfillment, { input: orderFulfillmentExample, tables: emptyTables });

    expect(run.tables.orders).toHaveLength(1);
    expect(orderItem(run, 'ORD-10042')).toEqual({
      orderId: { S: 'ORD-10042' },
      customerId: { S: 'CUST-2291' },
      orderStatus: { S: 'SHIPPED' },
      total: { N: '109.15' },
      currency: { S: 'EUR' },
      chargeId: { S: 'CH-ORD10042' },
      trackingNumber: { S: '1ZORD1004210115' },
      placedAt: { S: expect.stringMatching(/^2024-01-01T00:00:00/) },
    });
  });

  it.each([
    ['has no lines', { items: [] }, 'it has no lines'],
    ['has a line with quantity 0', { items: [{ sku: 'KB-MX-BRN', qty: 0, unitPrice: 89.9 }] }, 'line KB-MX-BRN has quantity 0'],
    ['has a negative price', { items: [{ sku: 'KB-MX-BRN', qty: 1, unitPrice: -1 }] }, 'line KB-MX-BRN has quantity 1 at -1'],
  ])('fails with InvalidOrder, before reserving anything, when the order %s', async (_, changes, message) => {
    const run = await testWorkflow(orderFulfillment, { input: orderWith(changes), tables: emptyTables });

    expect(run).toFailWith('InvalidOrder', message);
    expect(run.path).toEqual(['Price order', 'Order invalid']);
    expect(run.tables.orders).toEqual([]);
  });

  it('fails with OutOfStock, before charging, when a SKU is out of stock', async () => {
    const run = await testWorkflow(orderFulfillment, {
      input: orderWith({ items: [...orderFulfillmentExample.items, { sku: 'OOS-MOUSE', qty: 1, unitPrice: 20 }] }),
      tables: emptyTables,
    });

    expect(run).toFailWith('OutOfStock', 'SKU OOS-MOUSE is out of stock');
    expect(run.path).toEqual(['Price order', 'Reserve stock', 'Out of stock']);
    expect(run.tables.orders).toEqual([]);
  });

  it.each([
    ['declined', 'insufficient funds'],
    ['expired', 'card expired'],
  ])('releases the reserved stock and fails with PaymentFailed when the card is %s', async (card, reason) => {
    const run = await testWorkflow(orderFulfillment, { input: orderWith({ payment: { card } }), tables: emptyTables });

    expect(run).toFailWith('PaymentFailed', reason);
    expect(run.path).toEqual(['Price order', 'Reserve stock', 'Charge payment', 'Release stock', 'Payment failed']);
    // A declined card is not retried: only the gateway's busy signal is.
    expect(run.states['Charge payment']).toMatchObject({ attempts: 1, error: 'PaymentDeclined' });
    expect(run.states['Release stock'].output).toMatchObject({
      release: { Payload: { reservationId: 'RSV-ORD10042', released: true } },
      error: { Error: 'PaymentDeclined' },
    });
    expect(run.tables.orders).toEqual([]);
  });

  it('retries a busy payment gateway and charges on the third attempt (the real handler with card gateway-busy)', async () => {
    const run = await testWorkflow(orderFulfillment, { input: orderWith({ payment: { card: 'gateway-busy' } }), tables: emptyTables });

    expect(run).toSucceed();
    expect(run.states['Charge payment']).toMatchObject({ attempts: 3, visits: 1 });
    expect(run.states['Charge payment'].output).toMatchObject({ charge: { Payload: { attempts: 3 } } });
    expect(run.path).not.toContain('Release stock');
  });

  it('retries PaymentGatewayBusy with a sequence that fails once then charges', async () => {
    const charged = { chargeId: 'CH-X', amount: 109.15, currency: 'EUR', attempts: 2 };
    const run = await testWorkflow(orderFulfillment, {
      input: orderFulfillmentExample,
      tables: emptyTables,
      mocks: { 'Charge payment': { sequence: [{ error: 'PaymentGatewayBusy', cause: 'busy' }, { result: charged }] } },
    });

    expect(run).toSucceed();
    expect(run.states['Charge payment']).toMatchObject({ attempts: 2, output: expect.objectContaining({ charge: { Payload: charged } }) });
    expect(orderItem(run, 'ORD-10042')).toMatchObject({ chargeId: { S: 'CH-X' } });
  });

  it('gives up after four retries of a busy gateway and compensates', async () => {
    const run = await testWorkflow(orderFulfillment, {
      input: orderFulfillmentExample,
      tables: emptyTables,
      mocks: { 'Charge payment': { error: 'PaymentGatewayBusy', cause: 'still busy' } },
    });

    expect(run).toFailWith('PaymentFailed', 'still busy');
    expect(run.states['Charge payment']).toMatchObject({ attempts: 5, error: 'PaymentGatewayBusy' });
    expect(run).toHavePassedThrough('Charge payment', 'Release stock', 'Payment failed');
  });

  it('retries the stock release on any error, since a compensation must not be skipped', async () => {
    const released = { reservationId: 'RSV-ORD10042', released: true };
    const run = await testWorkflow(orderFulfillment, {
      input: orderWith({ payment: { card: 'declined' } }),
      tables: emptyTables,
      mocks: {
        'Release stock': { sequence: [{ error: 'WarehouseUnavailable' }, { error: 'WarehouseUnavailable' }, { result: released }] },
      },
    });

    expect(run).toFailWith('PaymentFailed');
    expect(run.states['Release stock']).toMatchObject({ attempts: 3, output: expect.objectContaining({ release: { Payload: released } }) });
    // Backoff of 5 s then 10 s elapsed in virtual time.
    expect(run.durationMs).toBeGreaterThanOrEqual(15_000);
  });

  it.each([
    { method: 'express', tier: 'standard', total: 20, plan: 'Ship express', carrier: 'UPS' },
    { method: 'standard', tier: 'gold', total: 100, plan: 'Ship express', carrier: 'UPS' },
    { method: 'standard', tier: 'gold', total: 99.99, plan: 'Ship standard', carrier: 'DHL' },
    { method: 'standard', tier: 'standard', total: 500, plan: 'Ship standard', carrier: 'DHL' },
  ] as const)('ships $method for a $tier customer with total $total via $plan', async ({ method, tier, total, plan, carrier }) => {
    const pricing = { subtotal: total, discount: 0, shippingCost: 0, total, currency: 'EUR', itemCount: 1 };

    const run = await testWorkflow(orderFulfillment, {
      input: orderWith({
        customer: { ...orderFulfillmentExample.customer, tier },
        shipping: { ...orderFulfillmentExample.shipping, method },
      }),
      tables: emptyTables,
      mocks: { 'Price order': { result: pricing } },
    });

    expect(run).toSucceed();
    expect(run.path[run.path.indexOf('Choose shipping') + 1]).toBe(plan);
    expect(run.states['Create shipment'].output).toMatchObject({ shipment: { Payload: { carrier } } });
  });

  it('ships a small standard order standard, paying for shipping (the real pricing)', async () => {
    const run = await testWorkflow(orderFulfillment, {
      input: orderWith({
        customer: { ...orderFulfillmentExample.customer, tier: 'standard' },
        items: [{ sku: 'USB-C-2M', qty: 1, unitPrice: 12.5 }],
      }),
      tables: emptyTables,
    });

    expect(run).toSucceed();
    expect(run).toHavePassedThrough('Choose shipping', 'Ship standard', 'Create shipment');
    expect(run.output).toMatchObject({ total: 17.4, trackingNumber: 'JJDORD1004210115' });
  });

  it('retries a throttled orders write, then records the order', async () => {
    const run = await testWorkflow(orderFulfillment, {
      input: orderFulfillmentExample,
      tables: emptyTables,
      mocks: {
        'Record order': { sequence: [{ error: 'DynamoDB.ProvisionedThroughputExceededException', cause: 'throttled' }, { result: {} }] },
      },
    });

    expect(run).toSucceed();
    expect(run.states['Record order']).toMatchObject({ attempts: 2 });
  });

  it('does not retry or catch any other orders write failure', async () => {
    const run = await testWorkflow(orderFulfillment, {
      input: orderFulfillmentExample,
      tables: emptyTables,
      mocks: { 'Record order': { error: 'DynamoDB.AmazonDynamoDBException', cause: 'access denied' } },
    });

    expect(run).toFailWith('DynamoDB.AmazonDynamoDBException', 'access denied');
    expect(run.states['Record order']).toMatchObject({ attempts: 1 });
    expect(run.path.at(-1)).toBe('Record order');
  });

  it.each([
    ['Price order', priceOrder, orderFulfillmentExample, 'SUCCEEDED'],
    ['Reserve stock', reserveStock, orderFulfillmentExample, 'SUCCEEDED'],
    ['Charge payment', chargePayment, orderFulfillmentExample, 'SUCCEEDED'],
    ['Create shipment', createShipment, orderFulfillmentExample, 'SUCCEEDED'],
    ['Send confirmation', sendOrderConfirmation, orderFulfillmentExample, 'SUCCEEDED'],
    ['Release stock', releaseStock, orderWith({ payment: { card: 'declined' } }), 'FAILED'],
  ] as const)('retries %s after a transient Lambda service error and carries on', async (state, task, input, status) => {
    const run = await testWorkflow(orderFulfillment, {
      input,
      tables: emptyTables,
      mocks: { [state]: transientThen(task as TaskFunction<never, unknown>) },
    });

    expect(run.states[state]).toMatchObject({ attempts: 2, visits: 1 });
    expect(run.states[state].output).toBeDefined();
    expect(run.status).toBe(status);
  });

  it('covers every state, Choice branch, Catch and Retry arm', () => {
    const coverage = workflowCoverage().find((each) => each.workflow === 'order-fulfillment');

    const uncovered = (coverage?.items ?? []).filter((item) => !coverage?.covered.includes(item.key)).map((item) => item.label);
    expect(coverage?.items.length).toBeGreaterThan(0);
    expect(uncovered).toEqual([]);
  });
});
