/** The data and task handlers the type-error cases are written against. */
import { fn } from '../../../../workflows/dsl';

export type Order = {
  orderId: string;
  total: number;
  items: { sku: string; qty: number }[];
  customer: { id: string; tier: 'gold' | 'basic'; vip: boolean };
};

export const EXAMPLE: Order = { orderId: 'o-1', total: 10, items: [], customer: { id: 'c-1', tier: 'gold', vip: true } };

/** Needs `{ orderId, amount }`, so a task calling it must build that input with Parameters. */
export const charge = fn('type-errors-charge', (input: { orderId: string; amount: number }) => ({ chargeId: `ch-${input.orderId}` }));

/** Takes the whole order. */
export const reserve = fn('type-errors-reserve', (order: Order) => ({ reservationId: `r-${order.orderId}` }));
