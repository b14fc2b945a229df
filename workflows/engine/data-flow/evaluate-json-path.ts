/**
 * Applies a parsed JSONPath to a root value with AWS's semantics, which are Jayway JsonPath's: a
 * definite path yields its one node or fails with Jayway's message ("No results for path: $['a']",
 * "Missing property in path $['a']['b']"); an indefinite path (`[*]`, `..`, slices, unions,
 * filters, `['a','b']` before another token) always yields the array of its matches, empty when
 * nothing matches or the path cannot apply (recorded on AWS: base/test_json_path_array_wildcard_or_slice_with_no_input).
 */
import type { JsonValue } from '../../asl';
import { JsonPathError } from '../errors';
import { evaluateJaywayPath } from './jsonpath/evaluate-jayway-path';
import { renderSegments, type ParsedJsonPath } from './parse-json-path';

/** The outcome of a lookup; `failure` is the Jayway JsonPath message AWS quotes in its causes. */
export type PathLookup = { found: true; value: JsonValue } | { found: false; failure: string };

/** Evaluates `path` (whatever its root) against `root`, which `$` also means inside filters. */
export function evaluateJsonPath(path: ParsedJsonPath, root: JsonValue): PathLookup {
  const { segments, definite } = path;
  try {
    const matches = evaluateJaywayPath({ root: '$', segments, definite }, root, root);
    if (!definite) return { found: true, value: matches };
    const [first] = matches;
    if (first === undefined) return { found: false, failure: `No results for path: $${renderSegments(segments)}` };
    return { found: true, value: first };
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    return definite ? { found: false, failure: error.message } : { found: true, value: [] };
  }
}
