import { compile, fn, workflow } from '../../../workflows/dsl';

type Order = { orderId: string; items: { sku: string; qty: number }[]; total: number; customer: { id: string; tier: 'gold' | 'basic' } };
const reserve = fn('reserve-stock', async (order: Order) => ({ reservationId: `r-${order.orderId}`, ok: true }));
const charge = fn('charge-card', async (input: { orderId: string; amount: number }) => ({ chargeId: 'c-' + input.orderId }));

const wf = workflow('scratch-order', { description: 'd', example: { orderId: '1', items: [], total: 3, customer: { id: 'c', tier: 'gold' } } as Order, timeout: '1h' }, (start) =>
  start
    .task('Reserve', reserve, { resultPath: '$.reservation' })
    .retry({ errors: ['States.TaskFailed'], interval: '2s', maxAttempts: 3, backoffRate: 2 })
    .choice('Gold?', (c) =>
      c.when(c.string('$.customer.tier').equals('gold'), (b) => b.pass('Discount', { result: 0.1, resultPath: '$.discount' }))
        .otherwise((b) => b))
    .task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.charge' })
    .catch(['PaymentDeclined'], (b) => b.task('Release', reserve).fail('Payment failed', { error: 'PaymentFailed' }), { resultPath: '$.error' })
    .parallel('Notify', [(b) => b.pass('Email'), (b) => b.pass('Sms')], { resultPath: '$.notified' })
    .map('Each item', { itemsPath: '$.items', maxConcurrency: 2, resultPath: '$.lines' }, (item) => item.pass('Line', { parameters: { 'sku.$': '$.sku' } }))
    .approval('Approve', { approvers: { groups: ['ops'] }, message: 'Ship order {$.orderId}?', timeout: '24h' })
    .onRejected((b) => b.fail('Rejected', { error: 'Rejected' }))
    .wait('Cool down', { seconds: '30s' })
    .succeed('Done'),
);

it('compiles', () => {
  const out = compile(wf);
  console.log(JSON.stringify(out.definition, null, 1), out.substitutions, out.warnings);
});
export const bad = workflow('bad', { description: 'd', example: { orderId: '1', items: [], total: 3, customer: { id: 'c', tier: 'gold' } } as Order }, (start) =>
  start
    // @ts-expect-error misspelled path
    .pass('A', { inputPath: '$.custmer' })
    // @ts-expect-error number path compared as string
    .choice('B', (c) => c.when(c.string('$.total').equals('x'), 'A'))
);
export const bad2 = workflow('bad2', { description: 'd', example: { orderId: '1', items: [], total: 3, customer: { id: 'c', tier: 'gold' } } as Order }, (start) =>
  start
    .pass('A', { resultPath: '$.extra', result: { n: 1 } })
    .choice('B', (c) => c.when(c.number('$.extra.n').equals(1), (b) => b.pass('C', { parameters: { 'x.$': '$.extra.n' } })))
    // @ts-expect-error charge needs orderId & amount, and the input lacks amount
    .task('D', charge)
);
export const bad3 = workflow('bad3', { description: 'd', example: { orderId: '1', items: [], total: 3, customer: { id: 'c', tier: 'gold' } } as Order }, (start) =>
  // @ts-expect-error misspelled path inside parameters
  start.pass('A', { parameters: { 'x.$': '$.totl' } })
);
