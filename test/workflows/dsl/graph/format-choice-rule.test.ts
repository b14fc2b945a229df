import type { ChoiceRule } from '../../../../workflows/asl';
import { formatChoiceRule } from '../../../../workflows/dsl/graph/format-choice-rule';

describe('formatChoiceRule', () => {
  it.each<[string, ChoiceRule, string]>([
    ['string equality, quoted', { Variable: '$.status', StringEquals: 'ok', Next: 'X' }, '$.status == "ok"'],
    ['numeric greater-than', { Variable: '$.amount', NumericGreaterThan: 1000, Next: 'X' }, '$.amount > 1000'],
    ['numeric less-or-equal', { Variable: '$.n', NumericLessThanEquals: 0.5, Next: 'X' }, '$.n <= 0.5'],
    ['boolean equality', { Variable: '$.ok', BooleanEquals: false, Next: 'X' }, '$.ok == false'],
    ['a path operand, unquoted', { Variable: '$.a', NumericLessThanPath: '$.b', Next: 'X' }, '$.a < $.b'],
    [
      'timestamp comparison',
      { Variable: '$.at', TimestampGreaterThanEquals: '2024-01-01T00:00:00Z', Next: 'X' },
      '$.at >= "2024-01-01T00:00:00Z"',
    ],
    ['string pattern', { Variable: '$.file', StringMatches: '*.log', Next: 'X' }, '$.file matches "*.log"'],
    ['type test', { Variable: '$.x', IsNull: true, Next: 'X' }, '$.x is null'],
    ['negative type test', { Variable: '$.x', IsPresent: false, Next: 'X' }, '$.x is not present'],
    ['Not over a comparison', { Not: { Variable: '$.x', IsPresent: true }, Next: 'X' }, 'not $.x is present'],
    [
      'And with a nested Or in parentheses',
      {
        And: [
          { Variable: '$.a', NumericEquals: 1 },
          {
            Or: [
              { Variable: '$.b', IsString: true },
              { Variable: '$.c', IsBoolean: true },
            ],
          },
        ],
        Next: 'X',
      },
      '$.a == 1 and ($.b is string or $.c is boolean)',
    ],
    [
      'Not over an And in parentheses',
      {
        Not: {
          And: [
            { Variable: '$.a', IsNumeric: true },
            { Variable: '$.b', IsTimestamp: true },
          ],
        },
        Next: 'X',
      },
      'not ($.a is numeric and $.b is timestamp)',
    ],
    ['JSONata Condition without its {% %}', { Condition: '{% $states.input.n > 2 %}', Next: 'X' }, '$states.input.n > 2'],
  ])('renders %s', (_case, rule, expected) => {
    const label = formatChoiceRule(rule);

    expect(label).toBe(expected);
  });
});
