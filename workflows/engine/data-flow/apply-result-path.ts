/**
 * ResultPath: where a state's result goes in its output.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { isJsonObject } from './is-json-object';
import { parseJsonPath, type PathSegment } from './parse-json-path';
import { PATH_CAUSES } from './path-causes';

/**
 * Merges `result` into `input` at a reference path, creating missing objects on the way;
 * `null` discards the result, `undefined` or `$` replaces the input. The input is not mutated.
 * Throws StatesError('States.ResultPathMatchFailure') when the path runs into a non-object or
 * a missing array element.
 */
export function applyResultPath(input: JsonValue, result: JsonValue, resultPath: string | null | undefined): JsonValue {
  if (resultPath === null) return input;
  if (resultPath === undefined) return result;
  const path = parseJsonPath(resultPath);
  if (!path || path.root.kind !== 'data' || !isReferencePath(path.segments)) {
    throw new StatesError('States.Runtime', PATH_CAUSES.invalidResultPath(resultPath));
  }
  const merged = place(input, path.segments, result);
  if (merged === undefined) {
    throw new StatesError('States.ResultPathMatchFailure', PATH_CAUSES.resultPathMismatch(resultPath, input));
  }
  return merged;
}

/** Whether a path names one node by property names and indexes only (`$.a.[0]` included), as a reference path does. */
function isReferencePath(segments: readonly PathSegment[]): boolean {
  return segments.every((segment) => segment.kind === 'name' || segment.kind === 'index');
}

/** A copy of `node` with `value` at `segments`, or `undefined` when the path cannot be applied. */
function place(node: JsonValue | undefined, segments: readonly PathSegment[], value: JsonValue): JsonValue | undefined {
  const [segment, ...rest] = segments;
  if (!segment) return value;
  if (segment.kind === 'name') {
    const target = node === undefined ? {} : node;
    if (!isJsonObject(target)) return undefined;
    const child = place(Object.hasOwn(target, segment.name) ? target[segment.name] : undefined, rest, value);
    return child === undefined ? undefined : { ...target, [segment.name]: child };
  }
  if (segment.kind === 'index' && Array.isArray(node)) {
    const index = segment.index < 0 ? node.length + segment.index : segment.index;
    if (index < 0 || index >= node.length) return undefined;
    const child = place(node[index], rest, value);
    if (child === undefined) return undefined;
    const copy = [...node];
    copy[index] = child;
    return copy;
  }
  return undefined;
}
