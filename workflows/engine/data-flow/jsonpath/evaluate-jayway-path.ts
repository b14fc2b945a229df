/**
 * Evaluates a compiled path the way Jayway's path tokens do with the default options (which AWS's
 * causes show it uses: "No results for path", "Missing property in path"): a missing leaf or an
 * index out of range gives no match, a failure before the first indefinite token throws, anything
 * after it is skipped. `..` walks as ScanPathToken does, quirks included (`$..[0].x` reads `x` of
 * every element of every array). The matches come in Jayway's order.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PathToken.java
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/ScanPathToken.java
 */
import type { JsonObject, JsonValue } from '../../../asl';
import { JsonPathError } from '../../errors';
import { isJsonObject } from '../is-json-object';
import { isTokenDefinite } from './compile-jayway-path';
import { acceptsFilter } from './evaluate-jayway-filter';
import type { JaywayPath, PathSegment } from './path-segment';
import { renderSegments } from './render-segments';

/** `requireProperties`: Jayway's REQUIRE_PROPERTIES option, which its `[?(@.x)]` existence checks use. */
export type JaywayEvaluationOptions = { requireProperties?: boolean };

type Context = {
  path: JaywayPath;
  root: JsonValue;
  requireProperties: boolean;
  results: JsonValue[];
  /** Per token, whether every token before it is definite (PathToken.isUpstreamDefinite). */
  upstreamDefinite: boolean[];
};

/**
 * Every match of `path` in `document`, in order; `root` is what `$` means inside filters. Throws
 * JsonPathError where Jayway throws (only before the first indefinite token, or in a filter).
 */
export function evaluateJaywayPath(
  path: JaywayPath,
  document: JsonValue,
  root: JsonValue,
  options: JaywayEvaluationOptions = {},
): JsonValue[] {
  const { segments } = path;
  const upstreamDefinite = segments.map((_, at) => segments.slice(0, at).every((segment) => isTokenDefinite(segment, false)));
  const context: Context = { path, root, requireProperties: options.requireProperties ?? false, results: [], upstreamDefinite };
  evaluateAt(context, 0, path.root, document);
  return context.results;
}

/** Applies the token at `at` (or, past the last one, records the match). */
function evaluateAt(context: Context, at: number, current: string, model: JsonValue): void {
  const segment = context.path.segments[at];
  if (segment === undefined) {
    context.results.push(model);
    return;
  }
  switch (segment.kind) {
    case 'name':
    case 'names':
      return evaluateProperty(context, at, current, model, segment.kind === 'name' ? [segment.name] : segment.names);
    case 'index':
    case 'indexes':
    case 'slice':
      if (!checkArray(context, at, current, model)) return;
      return eachIndex(segment, model.length).forEach((index) => handleIndex(context, at, current, model, index));
    case 'wildcard':
      return evaluateWildcard(context, at, current, model);
    case 'scan':
      return walk(context, at + 1, current, model);
    case 'filter':
      return evaluateFilter(context, at, current, model, segment);
    case 'function':
      // AWS accepts Jayway functions (`$.a.length()`) in a definition but finds nothing with them:
      // https://repost.aws/questions/QUYiQKP0XfThWEc_ahsMnLOA ("The JSONPath '$.Jobs.sum()' ... could not be found").
      return;
  }
}

function isLeaf(context: Context, at: number): boolean {
  return at === context.path.segments.length - 1;
}

function isUpstreamDefinite(context: Context, at: number): boolean {
  return context.upstreamDefinite[at] ?? true;
}

/**
 * Where Jayway names the JSON provider's Java classes ("Expected to find an object with property …
 * but found 'net.minidev.json.JSONArray'"), AWS's provider is unknown: we report the whole path as
 * not found, as its definite-path read does when nothing matched.
 */
function notFound(context: Context): never {
  throw new JsonPathError('PathNotFound', `No results for path: ${context.path.root}${renderSegments(context.path.segments)}`);
}

function evaluateProperty(context: Context, at: number, current: string, model: JsonValue, names: string[]): void {
  if (!isJsonObject(model)) {
    if (isUpstreamDefinite(context, at)) notFound(context);
    return;
  }
  if (names.length > 1 && isLeaf(context, at)) {
    mergeProperties(context, current, model, names);
    return;
  }
  for (const name of names) handleProperty(context, at, current, model, name, names.length === 1);
}

/** PathToken.handleObjectProperty for one property. */
function handleProperty(context: Context, at: number, current: string, model: JsonObject, name: string, tokenDefinite: boolean): void {
  const path = `${current}['${name}']`;
  if (!Object.hasOwn(model, name)) {
    if (isLeaf(context, at)) {
      if (context.requireProperties) throw new JsonPathError('PathNotFound', `No results for path: ${path}`);
      return;
    }
    if (!(isUpstreamDefinite(context, at) && tokenDefinite) && !context.requireProperties) return;
    throw new JsonPathError('PathNotFound', `Missing property in path ${path}`);
  }
  evaluateAt(context, at + 1, path, model[name]);
}

/** `['a','b']` as the last token: one object with the properties that exist. */
function mergeProperties(context: Context, current: string, model: JsonObject, names: string[]): void {
  const merged: JsonObject = {};
  for (const name of names) {
    if (Object.hasOwn(model, name)) merged[name] = model[name];
    else if (context.requireProperties) {
      throw new JsonPathError('PathNotFound', `Missing property in path ${current}[${names.map((n) => `'${n}'`).join(', ')}]`);
    }
  }
  context.results.push(merged);
}

/** ArrayPathToken.checkArrayModel: whether the token applies, or Jayway's failure on the definite part. */
function checkArray(context: Context, at: number, current: string, model: JsonValue): model is JsonValue[] {
  if (Array.isArray(model)) return true;
  if (!isUpstreamDefinite(context, at)) return false;
  if (model === null) throw new JsonPathError('PathNotFound', `The path ${current} is null`);
  return notFound(context);
}

/** The indexes a `[i]`, `[i,j]` or slice token visits, as Jayway's ArrayPathToken computes them. */
function eachIndex(segment: PathSegment & { kind: 'index' | 'indexes' | 'slice' }, length: number): number[] {
  if (segment.kind === 'index') return [segment.index];
  if (segment.kind === 'indexes') return segment.indexes;
  const { from, to } = segment;
  const range = (start: number, end: number): number[] => Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
  if (to === undefined) {
    const start = Math.max(0, from !== undefined && from < 0 ? length + from : (from ?? 0));
    return length === 0 || start >= length ? [] : range(start, length);
  }
  if (from !== undefined) {
    const end = Math.min(length, to);
    return from >= end || length === 0 ? [] : range(from, end);
  }
  return length === 0 ? [] : range(0, Math.min(length, to < 0 ? length + to : to));
}

/** PathToken.handleArrayIndex: a negative index counts from the end; out of range is no match. */
function handleIndex(context: Context, at: number, current: string, model: JsonValue[], index: number): void {
  const effective = index < 0 ? model.length + index : index;
  if (effective < 0 || effective >= model.length) return;
  evaluateAt(context, at + 1, `${current}[${index}]`, model[effective]);
}

function evaluateWildcard(context: Context, at: number, current: string, model: JsonValue): void {
  if (isJsonObject(model)) {
    for (const name of Object.keys(model)) handleProperty(context, at, current, model, name, false);
  } else if (Array.isArray(model)) {
    model.forEach((_, index) => {
      try {
        handleIndex(context, at, current, model, index);
      } catch (error) {
        if (context.requireProperties || !(error instanceof JsonPathError && error.code === 'PathNotFound')) throw error;
      }
    });
  } else if (!isLeaf(context, at)) {
    throw new JsonPathError('PathNotFound', `Expected to find an object or array in path ${current} but found '${typeof model}'. `);
  }
}

function evaluateFilter(context: Context, at: number, current: string, model: JsonValue, segment: PathSegment & { kind: 'filter' }): void {
  if (isJsonObject(model)) {
    if (acceptsFilter(segment.filter, model, context.root)) evaluateAt(context, at + 1, current, model);
  } else if (Array.isArray(model)) {
    model.forEach((item, index) => {
      if (acceptsFilter(segment.filter, item, context.root)) handleIndex(context, at, current, model, index);
    });
  } else if (isUpstreamDefinite(context, at)) {
    throw new JsonPathError('InvalidPath', `Filter: [?] can not be applied to primitives. Current context is: ${String(model)}`);
  }
}

/** ScanPathToken.walk: the token at `target` applied wherever its predicate matches, at every depth. */
function walk(context: Context, target: number, current: string, model: JsonValue): void {
  if (Array.isArray(model)) {
    if (matchesScan(context, target, model)) {
      if (isLeaf(context, target)) evaluateAt(context, target, current, model);
      // Jayway applies the token after the array token to each element, skipping the array token itself.
      else model.forEach((item, index) => evaluateAt(context, target + 1, `${current}[${index}]`, item));
    }
    model.forEach((item, index) => walk(context, target, `${current}[${index}]`, item));
  } else if (isJsonObject(model)) {
    if (matchesScan(context, target, model)) evaluateAt(context, target, current, model);
    for (const [name, value] of Object.entries(model)) walk(context, target, `${current}['${name}']`, value);
  }
}

/** ScanPathToken's predicate for the token after `..`. */
function matchesScan(context: Context, target: number, model: JsonValue): boolean {
  const segment = context.path.segments[target];
  switch (segment?.kind) {
    case 'name':
    case 'names': {
      if (!isJsonObject(model)) return false;
      const names = segment.kind === 'name' ? [segment.name] : segment.names;
      if (context.requireProperties || !isTokenDefinite(segment, isLeaf(context, target))) return true;
      return names.every((name) => Object.hasOwn(model, name));
    }
    case 'index':
    case 'indexes':
    case 'slice':
      return Array.isArray(model);
    case 'wildcard':
      return true;
    case 'filter':
      return acceptsFilter(segment.filter, model, context.root);
    default:
      return false;
  }
}
