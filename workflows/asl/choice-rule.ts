/** Choice state rules (https://states-language.net/spec.html#choice-state). */

/** Every data-test comparison of a JSONPath Choice rule, with the type of its operand. */
export const COMPARISON_OPERATORS = {
  StringEquals: 'string',
  StringEqualsPath: 'path',
  StringLessThan: 'string',
  StringLessThanPath: 'path',
  StringGreaterThan: 'string',
  StringGreaterThanPath: 'path',
  StringLessThanEquals: 'string',
  StringLessThanEqualsPath: 'path',
  StringGreaterThanEquals: 'string',
  StringGreaterThanEqualsPath: 'path',
  StringMatches: 'string',
  NumericEquals: 'number',
  NumericEqualsPath: 'path',
  NumericLessThan: 'number',
  NumericLessThanPath: 'path',
  NumericGreaterThan: 'number',
  NumericGreaterThanPath: 'path',
  NumericLessThanEquals: 'number',
  NumericLessThanEqualsPath: 'path',
  NumericGreaterThanEquals: 'number',
  NumericGreaterThanEqualsPath: 'path',
  BooleanEquals: 'boolean',
  BooleanEqualsPath: 'path',
  TimestampEquals: 'timestamp',
  TimestampEqualsPath: 'path',
  TimestampLessThan: 'timestamp',
  TimestampLessThanPath: 'path',
  TimestampGreaterThan: 'timestamp',
  TimestampGreaterThanPath: 'path',
  TimestampLessThanEquals: 'timestamp',
  TimestampLessThanEqualsPath: 'path',
  TimestampGreaterThanEquals: 'timestamp',
  TimestampGreaterThanEqualsPath: 'path',
  IsNull: 'boolean',
  IsPresent: 'boolean',
  IsNumeric: 'boolean',
  IsString: 'boolean',
  IsBoolean: 'boolean',
  IsTimestamp: 'boolean',
} as const;

export type ComparisonOperator = keyof typeof COMPARISON_OPERATORS;

/** A leaf comparison: `Variable` plus exactly one operator field. */
export type DataTestExpression = { Variable: string } & { [Op in ComparisonOperator]?: string | number | boolean };

/** A JSONPath-mode boolean expression: a comparison or And/Or/Not over nested expressions. */
export type BooleanExpression =
  DataTestExpression | { And: BooleanExpression[] } | { Or: BooleanExpression[] } | { Not: BooleanExpression };

/** A top-level Choice rule: a JSONPath boolean expression or a JSONata `Condition`, with `Next`. */
export type ChoiceRule = (BooleanExpression | { Condition: string }) & {
  Next: string;
  Comment?: string;
  Assign?: Record<string, unknown>;
  Output?: unknown;
};
