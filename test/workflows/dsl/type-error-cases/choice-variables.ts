/**
 * Wrong Choice variables: fields a previous state replaced, fields of another type, misspelt
 * comparison paths. Compiled by type-errors.test.ts with the directives removed; each directive
 * names the case whose message the test asserts.
 */
import { workflow } from '../../../../workflows/dsl';
import { charge, EXAMPLE } from './order';

const options = { description: 'Type error case.', example: EXAMPLE };

export const replacedField = workflow('replaced-field', options, (start) =>
  start.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } }).choice('Large?', (c) =>
    // @ts-expect-error replaced-field
    c.when(c.number('$.total').greaterThan(100), (b) => b.succeed('Large')).otherwise((b) => b.succeed('Small')),
  ),
);

export const numberTestOnString = workflow('number-test-on-string', options, (start) =>
  start.choice('First order?', (c) =>
    // @ts-expect-error number-test-on-string
    c.when(c.number('$.orderId').equals(1), (b) => b.succeed('First')).otherwise((b) => b.succeed('Repeat')),
  ),
);

export const stringTestOnObject = workflow('string-test-on-object', options, (start) =>
  start.choice('Known customer?', (c) =>
    // @ts-expect-error string-test-on-object
    c.when(c.string('$.customer').equals('c-1'), (b) => b.succeed('Known')).otherwise((b) => b.succeed('New')),
  ),
);

export const booleanTestOnString = workflow('boolean-test-on-string', options, (start) =>
  start.choice('Gold?', (c) =>
    // @ts-expect-error boolean-test-on-string
    c.when(c.boolean('$.customer.tier').equals(true), (b) => b.succeed('Gold')).otherwise((b) => b.succeed('Basic')),
  ),
);

export const misspeltComparisonPath = workflow('misspelt-comparison-path', options, (start) =>
  start.choice('Over the limit?', (c) =>
    // @ts-expect-error misspelt-comparison-path
    c.when(c.number('$.total').greaterThanPath('$.limit'), (b) => b.succeed('Over')).otherwise((b) => b.succeed('Under')),
  ),
);

export const misspeltPresenceTest = workflow('misspelt-presence-test', options, (start) =>
  start.choice('VIP known?', (c) =>
    // @ts-expect-error misspelt-presence-test
    c.when(c.isPresent('$.customer.vipp'), (b) => b.succeed('Known')).otherwise((b) => b.succeed('Unknown')),
  ),
);
