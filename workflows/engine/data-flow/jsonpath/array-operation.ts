/**
 * The contents of `[0]`, `[0, 2]`, `[1:3]`, `[:2]`, `[-2:]`, read as Jayway's ArrayIndexOperation and
 * ArraySliceOperation do, with their messages.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/ArrayIndexOperation.java
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/ArraySliceOperation.java
 */
import { invalidPath } from './path-cursor';
import type { PathSegment } from './path-segment';

/** ArrayIndexOperation.parse: `[0]`, `[-1]`, `[0, 2]`. */
export function parseIndexes(expression: string): PathSegment {
  const indexes = expression.split(/\s*,\s*/).map((token) => {
    if (!/^-?\d+$/.test(token) || Math.abs(Number(token)) > 2 ** 31 - 1) {
      invalidPath(`Failed to parse token in ArrayIndexOperation: ${token}`);
    }
    return Number(token);
  });
  const [index] = indexes;
  return indexes.length === 1 && index !== undefined ? { kind: 'index', index } : { kind: 'indexes', indexes };
}

/** ArraySliceOperation.parse: `[1:3]`, `[1:]`, `[:2]`, `[-2:]` (Java's split drops trailing empty parts). */
export function parseSlice(expression: string): PathSegment {
  if (!/^[\d\-:]*$/.test(expression)) invalidPath(`Failed to parse SliceOperation: ${expression}`);
  const parts = expression.split(':');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const read = (part: string | undefined): number | undefined => {
    if (part === undefined || part === '') return undefined;
    if (!/^-?\d+$/.test(part)) invalidPath(`java.lang.NumberFormatException: For input string: "${part}"`);
    return Number(part);
  };
  const from = read(parts[0]);
  const to = read(parts[1]);
  if (from === undefined && to === undefined) invalidPath(`Failed to parse SliceOperation: ${expression}`);
  return { kind: 'slice', ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}
