/**
 * ResultPaths that cannot hold a result, and an option misspelt. Compiled by type-errors.test.ts
 * with the directives removed; each directive names the case whose message the test asserts.
 */
import { workflow } from '../../../../workflows/dsl';
import { EXAMPLE, reserve } from './order';

const options = { description: 'Type error case.', example: EXAMPLE };

export const resultPathThroughValue = workflow('result-path-through-value', options, (start) =>
  // @ts-expect-error result-path-through-value
  start.task('Reserve', reserve, { resultPath: '$.total.reservation' }),
);

export const resultPathWithoutDollar = workflow('result-path-without-dollar', options, (start) =>
  // @ts-expect-error result-path-without-dollar
  start.task('Reserve', reserve, { resultPath: 'reservation' }),
);

export const catchResultPathThroughValue = workflow('catch-result-path-through-value', options, (start) =>
  start
    .task('Reserve', reserve, { resultPath: '$.reservation' })
    // @ts-expect-error catch-result-path-through-value
    .catch(['OutOfStock'], (b) => b.fail('Out of stock'), { resultPath: '$.total.error' }),
);

export const misspeltOption = workflow('misspelt-option', options, (start) =>
  // @ts-expect-error misspelt-option
  start.task('Reserve', reserve, { resultpath: '$.reservation' }),
);
