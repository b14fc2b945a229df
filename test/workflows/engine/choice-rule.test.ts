import type { BooleanExpression } from '../../../workflows/asl';
import { evaluateChoiceRule } from '../../../workflows/engine/choice-rule';

const scope = { context: { Execution: { Name: 'run' } }, variables: { limit: 10 } };
const holds = (rule: Record<string, unknown>, input: unknown) => evaluateChoiceRule(rule as BooleanExpression, input as never, scope);

describe('JSONPath Choice rules', () => {
  it.each([
    ['StringEquals', 'a', 'a', true],
    ['StringEquals', 1, '1', false],
    ['StringLessThan', 'a', 'b', true],
    ['StringGreaterThanEquals', 'b', 'b', true],
    ['StringMatches', 'log-2024.txt', 'log-*.txt', true],
    ['StringMatches', 'a*b', 'a\\*b', true],
    ['StringMatches', 'axb', 'a\\*b', false],
    ['NumericEquals', 2.5, 2.5, true],
    ['NumericEquals', '1', 1, false],
    ['NumericLessThan', 1, 2, true],
    ['NumericGreaterThanEquals', 2, 2, true],
    ['BooleanEquals', false, false, true],
    ['BooleanEquals', 0, false, false],
    ['TimestampEquals', '2012-10-09T19:00:55Z', '2012-10-09T20:00:55+01:00', true],
    ['TimestampLessThan', '2012-10-09T19:00:55Z', '2012-10-09T19:00:56Z', true],
    ['TimestampEquals', '2012-10-09 19:00:55', '2012-10-09T19:00:55Z', false],
    ['IsNull', null, true, true],
    ['IsNumeric', 1.1, true, true],
    ['IsString', 1, true, false],
    ['IsBoolean', true, true, true],
    ['IsTimestamp', '2024-02-29T00:00:00Z', true, true],
    ['IsTimestamp', '2023-02-29T00:00:00Z', true, false],
  ])('%s(%j, %j) is %s', (operator, variable, operand, expected) => {
    const result = holds({ Variable: '$.v', [operator]: operand }, { v: variable });

    expect(result).toBe(expected);
  });

  it.each([
    ['present', { v: null }, true],
    ['missing', {}, false],
  ])('IsPresent is true only when the variable is %s', (_label, input, expected) => {
    expect(holds({ Variable: '$.v', IsPresent: true }, input)).toBe(expected);
  });

  it('treats any other comparison on a missing variable as false', () => {
    expect(holds({ Variable: '$.missing', StringEquals: 'x' }, {})).toBe(false);
    expect(holds({ Not: { Variable: '$.missing', StringEquals: 'x' } }, {})).toBe(true);
  });

  it('compares against *Path operands, the context object and variables', () => {
    expect(holds({ Variable: '$.a', NumericLessThanPath: '$.b' }, { a: 1, b: 2 })).toBe(true);
    expect(holds({ Variable: '$$.Execution.Name', StringEquals: 'run' }, {})).toBe(true);
    expect(holds({ Variable: '$.n', NumericLessThanPath: '$limit' }, { n: 3 })).toBe(true);
  });

  it('combines rules with And, Or and Not', () => {
    const rule = { And: [{ Variable: '$.n', NumericGreaterThanEquals: 20 }, { Not: { Variable: '$.n', NumericEquals: 25 } }] };

    expect(holds(rule, { n: 22 })).toBe(true);
    expect(holds(rule, { n: 25 })).toBe(false);
    expect(
      holds(
        {
          Or: [
            { Variable: '$.n', NumericEquals: 1 },
            { Variable: '$.n', NumericEquals: 2 },
          ],
        },
        { n: 2 },
      ),
    ).toBe(true);
  });
});
