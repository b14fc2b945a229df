/**
 * Type tests: compiled by `tsc --noEmit` in `make test`. Each `@ts-expect-error` line must fail
 * to type-check; if the DSL stopped catching the mistake, tsc would report an unused directive.
 * The comments quote the messages; type-errors.test.ts asserts the exact wording of such errors.
 */
import { fn, startWorkflow, workflow } from '../../../workflows/dsl';

type Order = {
  orderId: string;
  total: number;
  items: { sku: string; qty: number }[];
  customer: { id: string; tier: 'gold' | 'basic'; vip: boolean };
};
const EXAMPLE: Order = { orderId: 'o-1', total: 10, items: [], customer: { id: 'c', tier: 'gold', vip: true } };
const charge = fn('types-charge', (input: { orderId: string; amount: number }) => ({ chargeId: `ch-${input.orderId}`, ok: true }));
const reserve = fn('types-reserve', (order: Order) => ({ reservationId: `r-${order.orderId}` }));

export const misspelledPath = workflow('types-a', { description: 'd', example: EXAMPLE }, (start) =>
  // @ts-expect-error '$.custmer.id' is not a field of the data here (customer, items, orderId, total)
  start.pass('A', { inputPath: '$.custmer.id' }),
);

export const wrongConditionType = workflow('types-b', { description: 'd', example: EXAMPLE }, (start) =>
  start.choice('B', (c) =>
    // @ts-expect-error '$.total' is a number, but string() compares strings
    c.when(c.string('$.total').equals('10'), (b) => b.succeed('Done')),
  ),
);

export const misspelledParameter = workflow('types-c', { description: 'd', example: EXAMPLE }, (start) =>
  // @ts-expect-error '$.totl' is not a field of the data here (customer, items, orderId, total)
  start.pass('C', { parameters: { 'amount.$': '$.totl' } }),
);

export const handlerInputMismatch = workflow('types-d', { description: 'd', example: EXAMPLE }, (start) =>
  // @ts-expect-error charge needs { orderId, amount } but receives an Order
  start.task('D', charge),
);

export const handlerInputThroughParameters = workflow('types-e', { description: 'd', example: EXAMPLE }, (start) =>
  start
    .task('E', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } })
    .pass('F', { parameters: { 'id.$': '$.chargeId' } }),
);

export const outputFlowsToNextState = workflow('types-f', { description: 'd', example: EXAMPLE }, (start) =>
  start
    .task('Reserve', reserve)
    // @ts-expect-error after Reserve, '$.orderId' is not a field of the data here (reservationId)
    .pass('G', { inputPath: '$.orderId' }),
);

export const resultPathMergesIntoInput = workflow('types-g', { description: 'd', example: EXAMPLE }, (start) =>
  start.task('Reserve', reserve, { resultPath: '$.reservation' }).choice('H', (c) =>
    c
      .when(c.string('$.reservation.Payload.reservationId').equals('r-1'), (b) => b.succeed('Known'))
      // @ts-expect-error '$.reservation.Payload.reservation' is not a field of the data here ('$.reservation.Payload' has reservationId)
      .when(c.string('$.reservation.Payload.reservation').equals('r-1'), (b) => b.succeed('Never')),
  ),
);

export const mapItemsAreTyped = workflow('types-h', { description: 'd', example: EXAMPLE }, (start) =>
  start.map('Each', { itemsPath: '$.items', resultPath: '$.lines' }, (item) =>
    item
      .choice('Many?', (c) => c.when(c.number('$.qty').greaterThan(1), (b) => b.pass('Bulk')).otherwise((b) => b))
      // @ts-expect-error '$.price' is not a field of the data here (qty, sku)
      .pass('Price', { inputPath: '$.price' }),
  ),
);

export const terminalStatesEndTheChain = workflow('types-i', { description: 'd', example: EXAMPLE }, (start) => {
  const ended = start.succeed('Done');
  // @ts-expect-error nothing can follow a Succeed state
  ended.pass('After');
  return ended;
});

export const catchInputHasTheError = workflow('types-j', { description: 'd', example: EXAMPLE }, (start) =>
  start
    .task('Reserve', reserve, { resultPath: '$.reservation' })
    .catch(
      ['OutOfStock'],
      (b) =>
        b.choice('Why', (c) => c.when(c.string('$.error.Cause').matches('*sku*'), (x) => x.fail('Sku')).otherwise((x) => x.fail('Other'))),
      { resultPath: '$.error' },
    ),
);

export const approvalDecisionIsTyped = workflow('types-k', { description: 'd', example: EXAMPLE }, (start) =>
  start.approval('Approve', { approvers: { groups: ['ops'] }, message: 'ok?', timeout: '1h' }).choice('Approved?', (c) =>
    c
      .when(c.boolean('$.approval.approved').equals(true), (b) => b.succeed('Yes'))
      // @ts-expect-error '$.approval.decidedBy' is a string, but number() compares numbers
      .when(c.number('$.approval.decidedBy').equals(1), (b) => b.succeed('Never')),
  ),
);

export const nestedWorkflowOutputIsTyped = workflow('types-l', { description: 'd', example: EXAMPLE }, (start) =>
  start
    .task('Child', startWorkflow(misspelledPath), { resultPath: '$.child' })
    // @ts-expect-error '$.child.Result' is not a field of the data here ('$.child' has ExecutionArn, Output, StartDate, Status, StopDate)
    .pass('M', { inputPath: '$.child.Result' }),
);

const greet = fn('types-greet', (input: { text: string; attempt: number }) => input.text.length);
export const templateValuesAreTyped = workflow('types-m', { description: 'd', example: EXAMPLE }, (start) =>
  start
    .task('Greet', greet, { parameters: { 'text.$': "States.Format('order {}', $.orderId)", 'attempt.$': '$$.State.RetryCount' } })
    // @ts-expect-error States.ArrayLength gives a number, not the string `text` needs
    .task('Greet again', greet, { parameters: { 'text.$': 'States.ArrayLength($.items)', 'attempt.$': '$$.State.RetryCount' } }),
);
