/**
 * Applies a compiled filter to one item, as Jayway's RelationalExpressionNode and evaluators do.
 * Paths in a filter read the item (`@…`) or the root document (`$…`, so `@.id == $.want` compares
 * with another node); an InvalidPathException while evaluating means "no match".
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/filter/EvaluatorFactory.java
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PredicatePathToken.java (accept)
 */
import type { JsonValue } from '../../../asl';
import { JsonPathError } from '../../errors';
import { isJsonObject } from '../is-json-object';
import { evaluateJaywayPath } from './evaluate-jayway-path';
import { compareValues, listOf, parsed, regexInput, toFilterValue, valuesEqual, type FilterValue } from './filter-value';
import type { FilterExpression, FilterOperand, JaywayPath, RelationalOperator } from './path-segment';

/** Whether `item` passes `filter`; `root` is the document `$` paths in the filter read. */
export function acceptsFilter(filter: FilterExpression, item: JsonValue, root: JsonValue): boolean {
  try {
    return applies(filter, item, root);
  } catch (error) {
    if (error instanceof JsonPathError && error.code === 'InvalidPath') return false;
    throw error;
  }
}

function applies(filter: FilterExpression, item: JsonValue, root: JsonValue): boolean {
  switch (filter.kind) {
    case 'or':
      return filter.operands.some((operand) => applies(operand, item, root));
    case 'and':
      return filter.operands.every((operand) => applies(operand, item, root));
    case 'not':
      return !applies(filter.operand, item, root);
    case 'exists':
      return exists(filter.path, item, root) === filter.shouldExist;
    case 'relation':
      return relates(valueOf(filter.left, item, root), filter.operator, valueOf(filter.right, item, root));
  }
}

/**
 * AWS: "The @ operator, matching the current node being processed in a filter, does not match scalar
 * values. It only matches objects." (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html)
 */
function readsScalarItem(path: JaywayPath, item: JsonValue): boolean {
  return path.root === '@' && !isJsonObject(item) && !Array.isArray(item);
}

/**
 * PathNode's existence check: Jayway evaluates it with REQUIRE_PROPERTIES, and against the item even
 * for a `$` path (PathNode.evaluate passes ctx.item() as the document).
 */
function exists(path: JaywayPath, item: JsonValue, root: JsonValue): boolean {
  if (readsScalarItem(path, item)) return false;
  try {
    const matches = evaluateJaywayPath(path, item, root, { requireProperties: true });
    return !path.definite || matches.length > 0;
  } catch (error) {
    if (error instanceof JsonPathError && error.code === 'PathNotFound') return false;
    throw error;
  }
}

/** An operand's value: a path is read from the root (`$`) or the item (`@`); a missing node is `undefined`. */
function valueOf(operand: FilterOperand, item: JsonValue, root: JsonValue): FilterValue {
  switch (operand.kind) {
    case 'path': {
      const { path } = operand;
      if (readsScalarItem(path, item)) return { kind: 'undefined' };
      try {
        const matches = evaluateJaywayPath(path, path.root === '$' ? root : item, root);
        if (!path.definite) return { kind: 'json', value: matches, literal: false };
        const [first] = matches;
        return first === undefined ? { kind: 'undefined' } : toFilterValue(first);
      } catch (error) {
        if (error instanceof JsonPathError && error.code === 'PathNotFound') return { kind: 'undefined' };
        throw error;
      }
    }
    case 'json':
      return { kind: 'json', value: operand.value, literal: true };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'pattern':
      return operand;
  }
}

/** A value Jayway's evaluator cannot use as the type it needs: an InvalidPathException, so no match. */
function expected(what: string): never {
  throw new JsonPathError('InvalidPath', `Expected ${what} node`);
}

/** A list operand: a JSON array, nothing (`undefined`) for other JSON, and no match for anything else. */
function listOperand(node: FilterValue): FilterValue[] | undefined {
  return node.kind === 'json' ? listOf(node) : expected('value list');
}

function relates(left: FilterValue, operator: RelationalOperator, right: FilterValue): boolean {
  switch (operator) {
    case '==':
      return valuesEqual(left, right);
    case '!=':
      return !valuesEqual(left, right);
    case '===':
      return left.kind === right.kind && valuesEqual(left, right);
    case '!==':
      return !(left.kind === right.kind && valuesEqual(left, right));
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compareValues(left, right);
      if (order === undefined) return false;
      return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
    }
    case '=~':
      return matchesPattern(left, right);
    case 'IN':
    case 'NIN': {
      const list = listOperand(right);
      const found = list !== undefined && list.some((element) => valuesEqual(left, element));
      return operator === 'IN' ? found : !found;
    }
    case 'CONTAINS': {
      if (left.kind === 'string' && right.kind === 'string') return left.value.includes(right.value);
      const list = left.kind === 'json' ? listOf(left) : undefined;
      return list !== undefined && list.some((element) => valuesEqual(right, element));
    }
    case 'SUBSETOF':
    case 'ANYOF':
    case 'NONEOF':
      return compareLists(left, operator, right);
    case 'SIZE':
      return hasSize(left, right);
    case 'EMPTY':
      return isEmpty(left, right);
    case 'EXISTS':
      if (left.kind !== 'boolean' && right.kind !== 'boolean')
        throw new JsonPathError('Evaluation', 'Failed to evaluate exists expression');
      return left.kind === 'boolean' && right.kind === 'boolean' ? left.value === right.value : expected('boolean');
    case 'ALL':
    case 'TYPE':
    case 'MATCHES':
      // Their evaluators want a value list, a class or a predicate node, which no filter text produces.
      return expected(operator === 'ALL' ? 'value list' : operator === 'TYPE' ? 'class' : 'predicate');
  }
}

/** `=~`: exactly one side is a /pattern/, matched against the whole of the other (or any array element). */
function matchesPattern(left: FilterValue, right: FilterValue): boolean {
  if (left.kind === 'pattern' && right.kind !== 'pattern') return matchesAny(left.regex, right);
  if (right.kind === 'pattern' && left.kind !== 'pattern') return matchesAny(right.regex, left);
  return false;
}

function matchesAny(pattern: RegExp, value: FilterValue): boolean {
  const list = value.kind === 'json' ? listOf(value) : undefined;
  return list ? list.some((element) => pattern.test(regexInput(element))) : pattern.test(regexInput(value));
}

function compareLists(left: FilterValue, operator: 'SUBSETOF' | 'ANYOF' | 'NONEOF', right: FilterValue): boolean {
  const rights = listOperand(right);
  if (rights === undefined) return false;
  const lefts = listOperand(left);
  if (lefts === undefined) return false;
  const inRight = (node: FilterValue): boolean => rights.some((other) => valuesEqual(node, other));
  if (operator === 'SUBSETOF') return lefts.every(inRight);
  return operator === 'ANYOF' ? lefts.some(inRight) : !lefts.some(inRight);
}

function hasSize(left: FilterValue, right: FilterValue): boolean {
  if (right.kind !== 'number') return false;
  const size = Math.trunc(right.value);
  if (left.kind === 'string') return left.value.length === size;
  if (left.kind !== 'json') return false;
  const list = listOf(left);
  return (list ? list.length : -1) === size;
}

function isEmpty(left: FilterValue, right: FilterValue): boolean {
  if (left.kind !== 'string' && left.kind !== 'json') return false;
  const wanted = right.kind === 'boolean' ? right.value : expected('boolean');
  if (left.kind === 'string') return (left.value.length === 0) === wanted;
  const value = parsed(left);
  const empty = Array.isArray(value) ? value.length === 0 : isJsonObject(value) ? Object.keys(value).length === 0 : true;
  return empty === wanted;
}
