/**
 * Wrong `.$` paths in Parameters, ResultSelector and ItemSelector. Compiled by type-errors.test.ts
 * with the directives removed; each directive names the case whose message the test asserts.
 */
import { workflow } from '../../../../workflows/dsl';
import { charge, EXAMPLE, reserve } from './order';

const options = { description: 'Type error case.', example: EXAMPLE };

export const misspeltParameter = workflow('misspelt-parameter', options, (start) =>
  // @ts-expect-error misspelt-parameter
  start.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.totl' } }),
);

export const nestedParameter = workflow('nested-parameter', options, (start) =>
  // @ts-expect-error nested-parameter
  start.pass('Pick', { parameters: { 'id.$': '$.customer.id', 'tier.$': '$.customer.tierr' } }),
);

export const parameterInNestedTemplate = workflow('parameter-in-nested-template', options, (start) =>
  // @ts-expect-error parameter-in-nested-template
  start.pass('Pick', { parameters: { customer: { 'id.$': '$.customer.ID' }, 'total.$': '$.total' } }),
);

export const parameterThroughArray = workflow('parameter-through-array', options, (start) =>
  // @ts-expect-error parameter-through-array
  start.pass('Pick', { parameters: { 'sku.$': '$.items.sku' } }),
);

export const parameterIntoValue = workflow('parameter-into-value', options, (start) =>
  // @ts-expect-error parameter-into-value
  start.pass('Pick', { parameters: { 'amount.$': '$.total.amount' } }),
);

export const parameterWithoutDollar = workflow('parameter-without-dollar', options, (start) =>
  // @ts-expect-error parameter-without-dollar
  start.task('Charge', charge, { parameters: { 'orderId.$': 'orderId', 'amount.$': '$.total' } }),
);

export const misspeltResultSelector = workflow('misspelt-result-selector', options, (start) =>
  // @ts-expect-error misspelt-result-selector
  start.task('Reserve', reserve, { resultSelector: { 'id.$': '$.Payload.reservationID' }, resultPath: '$.reservation' }),
);

export const misspeltItemSelector = workflow('misspelt-item-selector', options, (start) =>
  start.map(
    'Each item',
    // @ts-expect-error misspelt-item-selector
    { itemsPath: '$.items', itemSelector: { 'sku.$': '$$.Map.Item.Value.sku', 'order.$': '$.orderID' } },
    (item) => item,
  ),
);
