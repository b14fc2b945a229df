/** Tells JSONPath strings from literals, e.g. for `key.$` values and `*Path` fields. */
import { parseJsonPath } from './parse-json-path';

/** Whether a string is a JSONPath (`$`, `$.x`, `$$.x`, `$var`) as opposed to a literal. */
export function isPath(value: string): boolean {
  return parseJsonPath(value) !== undefined;
}
