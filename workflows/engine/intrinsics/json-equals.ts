/** Structural JSON equality, as States.ArrayContains and States.ArrayUnique compare items. */
import type { JsonValue } from '../../asl';
import { isJsonObject } from '../data-flow/is-json-object';

/** Whether `a` and `b` are the same JSON value (object key order does not matter). */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEquals(item, b[index] ?? null));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key] ?? null, b[key] ?? null))
    );
  }
  return false;
}
