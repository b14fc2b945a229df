/**
 * JSONPath Choice rules: And/Or/Not over data-test comparisons. A comparison whose variable has
 * the wrong type (or is missing) is false, as on AWS; only IsPresent looks at presence.
 * https://states-language.net/spec.html#choice-state
 */
import type { BooleanExpression, DataTestExpression, JsonValue } from '../asl';
import { selectPath, type PathScope } from './data-flow';
import { StatesError } from './errors';
import { stringMatches } from './string-matches';
import { parseTimestamp } from './parse-timestamp';

const MISSING = Symbol('missing');
type Sampled = JsonValue | typeof MISSING;

function sample(path: string, input: JsonValue, scope: PathScope): Sampled {
  try {
    return selectPath(path, input, scope, 'Variable');
  } catch (error) {
    if (error instanceof StatesError) return MISSING;
    throw error;
  }
}

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Kind = 'String' | 'Numeric' | 'Timestamp' | 'Boolean';

function typed(kind: Kind, value: Sampled): number | string | boolean | undefined {
  if (kind === 'String') return typeof value === 'string' ? value : undefined;
  if (kind === 'Numeric') return typeof value === 'number' ? value : undefined;
  if (kind === 'Boolean') return typeof value === 'boolean' ? value : undefined;
  return typeof value === 'string' ? parseTimestamp(value) : undefined;
}

const RELATIONS: Record<string, (order: number) => boolean> = {
  Equals: (order) => order === 0,
  LessThan: (order) => order < 0,
  GreaterThan: (order) => order > 0,
  LessThanEquals: (order) => order <= 0,
  GreaterThanEquals: (order) => order >= 0,
};

const COMPARISON = /^(String|Numeric|Timestamp|Boolean)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;

function isKind(value: Sampled, operator: string): boolean {
  switch (operator) {
    case 'IsNull':
      return value === null;
    case 'IsPresent':
      return value !== MISSING;
    case 'IsNumeric':
      return typeof value === 'number';
    case 'IsString':
      return typeof value === 'string';
    case 'IsBoolean':
      return typeof value === 'boolean';
    case 'IsTimestamp':
      return typeof value === 'string' && parseTimestamp(value) !== undefined;
    default:
      throw new StatesError('States.Runtime', `Unsupported Choice operator '${operator}'.`);
  }
}

function evaluateComparison(rule: DataTestExpression, input: JsonValue, scope: PathScope): boolean {
  const operator = Object.keys(rule).find(
    (key) => key !== 'Variable' && key !== 'Next' && key !== 'Comment' && key !== 'Assign' && key !== 'Output',
  );
  if (!operator) throw new StatesError('States.Runtime', 'A Choice rule has no comparison operator.');
  const operand = (rule as Record<string, unknown>)[operator];
  const value = sample(rule.Variable, input, scope);
  if (operator.startsWith('Is')) {
    if (value === MISSING && operator !== 'IsPresent') return false;
    return isKind(value, operator) === operand;
  }
  if (value === MISSING) return false;
  if (operator === 'StringMatches') return typeof value === 'string' && typeof operand === 'string' && stringMatches(value, operand);
  const match = COMPARISON.exec(operator);
  if (!match) throw new StatesError('States.Runtime', `Unsupported Choice operator '${operator}'.`);
  const [, kind, relation, viaPath] = match as unknown as [string, Kind, string, string | undefined];
  const expected: Sampled = viaPath ? (typeof operand === 'string' ? sample(operand, input, scope) : MISSING) : (operand as JsonValue);
  if (expected === MISSING) return false;
  const left = typed(kind, value);
  const right = typed(kind, expected);
  if (left === undefined || right === undefined) return false;
  if (kind === 'Boolean') return relation === 'Equals' && left === right;
  return RELATIONS[relation](compare(left as number | string, right as number | string));
}

/** Whether a JSONPath Choice rule (or one of its nested expressions) holds for `input`. */
export function evaluateChoiceRule(rule: BooleanExpression, input: JsonValue, scope: PathScope): boolean {
  if ('And' in rule) return rule.And.every((inner) => evaluateChoiceRule(inner, input, scope));
  if ('Or' in rule) return rule.Or.some((inner) => evaluateChoiceRule(inner, input, scope));
  if ('Not' in rule) return !evaluateChoiceRule(rule.Not, input, scope);
  return evaluateComparison(rule, input, scope);
}
