/**
 * The DynamoDB tables the catalogue's workflows read and write, with their keys, and the sample
 * items the embedded stack starts with: the order `order-fulfillment`'s example records (so
 * `refund-request`'s example finds it) and a large order whose refunds need finance's approval.
 */

/** A table: its logical name (as in `dynamodb.putItem({ table })`), partition key and sample items. */
export type TableDefinition = {
  readonly name: string;
  readonly partitionKey: string;
  readonly sampleItems: readonly Record<string, Record<string, string>>[];
};

export const tables: readonly TableDefinition[] = [
  {
    name: 'orders',
    partitionKey: 'orderId',
    sampleItems: [
      {
        orderId: { S: 'ORD-10042' },
        customerId: { S: 'CUST-2291' },
        orderStatus: { S: 'SHIPPED' },
        total: { N: '109.15' },
        currency: { S: 'EUR' },
        chargeId: { S: 'CH-ORD-10042' },
        trackingNumber: { S: 'DHL-10042-DE' },
        placedAt: { S: '2025-06-28T09:14:00.000Z' },
      },
      {
        orderId: { S: 'ORD-20077' },
        customerId: { S: 'CUST-0815' },
        orderStatus: { S: 'DELIVERED' },
        total: { N: '1249' },
        currency: { S: 'EUR' },
        chargeId: { S: 'CH-ORD-20077' },
        trackingNumber: { S: 'UPS-20077-NL' },
        placedAt: { S: '2025-06-02T16:40:00.000Z' },
      },
    ],
  },
  { name: 'customers', partitionKey: 'customerId', sampleItems: [] },
];
