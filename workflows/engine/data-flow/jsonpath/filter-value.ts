/**
 * The values a filter compares (Jayway's ValueNodes) and their equality, which is Jayway's and not
 * JavaScript's: a number equals a string that reads as the same number (`1 == '1'`), a string equals
 * a number written the same way, a missing value equals nothing (so `@.x != 'a'` holds when `x` is
 * missing), and a JSON literal on the left never equals anything.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/filter/ValueNodes.java
 */
import type { JsonValue } from '../../../asl';
import { JsonPathError } from '../../errors';
import { isJsonObject } from '../is-json-object';

/** A filter value once paths are read. `json` is an array or object; `literal` marks one written in the filter. */
export type FilterValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'json'; value: JsonValue | undefined; literal: boolean }
  | { kind: 'pattern'; regex: RegExp }
  | { kind: 'opaque' }
  | { kind: 'undefined' };

/** Java BigDecimal's syntax, which Jayway uses to read a string as a number. */
const BIG_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A JSON value as PathNode.evaluate converts a path's result. */
export function toFilterValue(value: JsonValue): FilterValue {
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'number') return { kind: 'number', value, text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value === null) return { kind: 'null' };
  return { kind: 'json', value, literal: false };
}

/**
 * An element of an array an operator looks into (ValueNode.toValueNode): strings that look like a
 * path or JSON become nodes no string equals; a nested array or object makes Jayway throw.
 */
export function toListElement(value: JsonValue): FilterValue {
  if (typeof value === 'string' && /^[$@]/.test(value)) return { kind: 'opaque' };
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) return { kind: 'opaque' };
  if (Array.isArray(value) || isJsonObject(value)) throw new JsonPathError('Evaluation', 'Could not determine value type');
  return toFilterValue(value);
}

/** The elements of an array value, or `undefined` for anything else (Jayway's UndefinedNode). */
export function listOf(node: FilterValue): FilterValue[] | undefined {
  if (node.kind !== 'json') return undefined;
  const value = parsed(node);
  return Array.isArray(value) ? value.map(toListElement) : undefined;
}

/** A JSON node's value; Jayway fails when it parses a literal that is not JSON. */
export function parsed(node: FilterValue & { kind: 'json' }): JsonValue {
  if (node.value === undefined) throw new JsonPathError('Evaluation', 'Filter JSON literal does not parse');
  return node.value;
}

/** ValueNode.equals, dispatched on the left value as Java does. */
export function valuesEqual(left: FilterValue, right: FilterValue): boolean {
  switch (left.kind) {
    case 'string':
      if (right.kind === 'string') return left.value === right.value;
      return right.kind === 'number' && left.value === right.text;
    case 'number': {
      if (right.kind === 'number') return left.value === right.value;
      if (right.kind !== 'string') return false;
      return BIG_DECIMAL.test(right.value) && Number(right.value) === left.value;
    }
    case 'boolean':
      return right.kind === 'boolean' && left.value === right.value;
    case 'null':
      return right.kind === 'null';
    case 'json':
      if (right.kind !== 'json') return false;
      if (left.literal) {
        parsed(right);
        return false;
      }
      return jsonEqual(parsed(left), parsed(right));
    case 'pattern':
      return right.kind === 'pattern' && left.regex.source === right.regex.source && left.regex.flags === right.regex.flags;
    case 'opaque':
    case 'undefined':
      return false;
  }
}

/** Structural equality of two JSON values (Java's List and Map equals). */
function jsonEqual(left: JsonValue, right: JsonValue): boolean {
  if (Array.isArray(left)) {
    return Array.isArray(right) && left.length === right.length && left.every((item, at) => jsonEqual(item, right[at]));
  }
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return false;
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
  }
  return left === right;
}

/** The `<`, `<=`, `>`, `>=` comparison of two values, or `undefined` when Jayway compares nothing (false). */
export function compareValues(left: FilterValue, right: FilterValue): number | undefined {
  if (left.kind === 'number' && right.kind === 'number') return Math.sign(left.value - right.value);
  const text = (node: FilterValue): string | undefined =>
    node.kind === 'string' ? node.value : node.kind === 'number' ? node.text : undefined;
  const [a, b] = [text(left), text(right)];
  if (a === undefined || b === undefined) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text a regex matches a value against (RegexpEvaluator.getInput). */
export function regexInput(node: FilterValue): string {
  if (node.kind === 'string') return node.value;
  if (node.kind === 'number') return node.text;
  if (node.kind === 'boolean') return String(node.value);
  return '';
}
