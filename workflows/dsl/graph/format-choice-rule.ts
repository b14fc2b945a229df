import { COMPARISON_OPERATORS } from '../../asl';
import type { BooleanExpression, ChoiceRule, ComparisonOperator, DataTestExpression } from '../../asl';
import { stripJsonata } from './strip-jsonata';

/** Symbols for the comparison part of an operator name (`NumericGreaterThan` → `>`). */
const COMPARISON_SYMBOLS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
  Matches: 'matches',
};

/** What each type test asserts (`IsPresent: true` → `is present`). */
const TYPE_TESTS: Record<string, string> = {
  IsNull: 'null',
  IsPresent: 'present',
  IsNumeric: 'numeric',
  IsString: 'string',
  IsBoolean: 'boolean',
  IsTimestamp: 'timestamp',
};

const OPERATOR_PATTERN = /^(?:String|Numeric|Boolean|Timestamp)(\w+?)(Path)?$/;
const OPERATORS = Object.keys(COMPARISON_OPERATORS) as ComparisonOperator[];

/** `$.status == "ok"`, `$.a < $.b`, `$.x is not null`: one comparison with its operand. */
function formatDataTest(test: DataTestExpression): string {
  const operator = OPERATORS.find((op) => test[op] !== undefined);
  if (operator === undefined) return test.Variable;
  const operand = test[operator];
  const typeTest = TYPE_TESTS[operator];
  if (typeTest !== undefined) return `${test.Variable} is ${operand === false ? 'not ' : ''}${typeTest}`;
  const [, comparison = operator, path] = OPERATOR_PATTERN.exec(operator) ?? [];
  const symbol = COMPARISON_SYMBOLS[comparison] ?? operator;
  const value = path || typeof operand !== 'string' ? String(operand) : JSON.stringify(operand);
  return `${test.Variable} ${symbol} ${value}`;
}

/** Renders a nested expression, in parentheses when it is an And/Or. */
function formatOperand(expression: BooleanExpression): string {
  const text = formatBooleanExpression(expression);
  return 'And' in expression || 'Or' in expression ? `(${text})` : text;
}

/** A JSONPath boolean expression as text: `not $.x is present`, `$.a > 1 and ($.b or $.c)`. */
export function formatBooleanExpression(expression: BooleanExpression): string {
  if ('And' in expression) return expression.And.map(formatOperand).join(' and ');
  if ('Or' in expression) return expression.Or.map(formatOperand).join(' or ');
  if ('Not' in expression) return `not ${formatOperand(expression.Not)}`;
  return formatDataTest(expression);
}

/**
 * A Choice rule as a short edge label: the JSONPath rule as text, or a JSONata `Condition`
 * without its `{% %}` (https://states-language.net/spec.html#choice-state).
 */
export function formatChoiceRule(rule: ChoiceRule): string {
  if ('Condition' in rule) return stripJsonata(rule.Condition);
  return formatBooleanExpression(rule);
}
