/**
 * Argument checks shared by the intrinsic functions: count, then type of each argument, with
 * 1-based positions in the messages.
 */
import type { JsonObject, JsonValue } from '../../asl';
import { isJsonObject } from '../data-flow/is-json-object';
import type { StatesError } from '../errors';
import type { IntrinsicArgument } from './intrinsic-function';
import { intrinsicFailure } from './intrinsic-failure';

/** Throws unless `args` has between `min` and `max` entries. */
export function expectArgumentCount(name: string, args: readonly IntrinsicArgument[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const plural = (count: number) => `${count} argument${count === 1 ? '' : 's'}`;
  const expected = max === Infinity ? `at least ${plural(min)}` : min === max ? plural(min) : `${min} to ${plural(max)}`;
  throw intrinsicFailure(name, `expected ${expected}, got ${args.length}`);
}

/** The JSON type name AWS users know: string, number, boolean, null, array or object. */
export function jsonTypeOf(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function typeFailure(name: string, position: number, expected: string, value: JsonValue): StatesError {
  return intrinsicFailure(name, `argument ${position + 1} must be ${expected}, got ${jsonTypeOf(value)}`);
}

/** Argument `position` as a string. */
export function stringArgument(name: string, args: readonly IntrinsicArgument[], position: number): string {
  const value = args[position]?.value ?? null;
  if (typeof value !== 'string') throw typeFailure(name, position, 'a string', value);
  return value;
}

/** Argument `position` as an array. */
export function arrayArgument(name: string, args: readonly IntrinsicArgument[], position: number): JsonValue[] {
  const value = args[position]?.value ?? null;
  if (!Array.isArray(value)) throw typeFailure(name, position, 'an array', value);
  return value;
}

/** Argument `position` as a JSON object. */
export function objectArgument(name: string, args: readonly IntrinsicArgument[], position: number): JsonObject {
  const value = args[position]?.value ?? null;
  if (!isJsonObject(value)) throw typeFailure(name, position, 'an object', value);
  return value;
}

/** Argument `position` as a boolean. */
export function booleanArgument(name: string, args: readonly IntrinsicArgument[], position: number): boolean {
  const value = args[position]?.value ?? null;
  if (typeof value !== 'boolean') throw typeFailure(name, position, 'a boolean', value);
  return value;
}

/**
 * Argument `position` as an integer. A fractional number is rounded half up, like Java's
 * `Math.round`: AWS documents this for States.MathRandom and records it for States.MathAdd
 * (intrinsic_functions/test_math_add_*).
 */
export function integerArgument(
  name: string,
  args: readonly IntrinsicArgument[],
  position: number,
  range?: { min: number; max: number },
): number {
  const value = args[position]?.value ?? null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw typeFailure(name, position, 'an integer', value);
  const rounded = Math.round(value) + 0;
  if (range && (rounded < range.min || rounded > range.max)) {
    throw intrinsicFailure(name, `argument ${position + 1} must be an integer between ${range.min} and ${range.max}, got ${value}`);
  }
  return rounded;
}
