/**
 * Applies a parsed JSONPath to a root value with AWS's semantics: a definite path yields its one
 * node or fails with Jayway's message; an indefinite path always yields an array of matches
 * (possibly empty), evaluated by jsonpath-plus.
 */
import { JSONPath } from 'jsonpath-plus';
import type { JsonValue } from '../../asl';
import { isJsonObject } from './is-json-object';
import { renderSegments, type ParsedJsonPath, type PathSegment } from './parse-json-path';

/** The outcome of a lookup; `failure` is the Jayway JsonPath message AWS quotes in its causes. */
export type PathLookup = { found: true; value: JsonValue } | { found: false; failure: string };

/** Evaluates `path` (whatever its root) against `root`. */
export function evaluateJsonPath(path: ParsedJsonPath, root: JsonValue): PathLookup {
  if (!path.definite) return queryAll(path.segments, root);
  let node: JsonValue = root;
  for (const [position, segment] of path.segments.entries()) {
    const child = step(node, segment);
    if (child === undefined) return { found: false, failure: describeMiss(path.segments, position, node) };
    node = child;
  }
  return { found: true, value: node };
}

function step(node: JsonValue, segment: PathSegment): JsonValue | undefined {
  if (segment.kind === 'name') {
    if (!isJsonObject(node) || !Object.hasOwn(node, segment.name)) return undefined;
    return node[segment.name];
  }
  if (segment.kind === 'index' && Array.isArray(node)) {
    return node[segment.index < 0 ? node.length + segment.index : segment.index];
  }
  return undefined;
}

/** Jayway reports a missing intermediate property at that property, anything else for the whole path. */
function describeMiss(segments: readonly PathSegment[], position: number, node: JsonValue): string {
  const isLeaf = position === segments.length - 1;
  if (!isLeaf && segments[position]?.kind === 'name' && isJsonObject(node)) {
    return `Missing property in path $${renderSegments(segments.slice(0, position + 1))}`;
  }
  return `No results for path: $${renderSegments(segments)}`;
}

/** jsonpath-plus evaluation; its errors (e.g. Jayway-only filter operators) become lookup failures. */
function queryAll(segments: readonly PathSegment[], root: JsonValue): PathLookup {
  if (root === null || typeof root !== 'object') return { found: true, value: [] };
  try {
    const matches: unknown = JSONPath({ path: `$${renderSegments(segments)}`, json: root, wrap: true, eval: 'safe' });
    // jsonpath-plus only returns nodes of `root`, which is JSON.
    return { found: true, value: Array.isArray(matches) ? (matches as JsonValue[]) : [] };
  } catch (error) {
    return { found: false, failure: error instanceof Error ? error.message : String(error) };
  }
}
