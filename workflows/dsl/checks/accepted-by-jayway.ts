/**
 * The paths AWS accepts that asl-path-validator refuses. AWS compiles paths with Jayway JsonPath (its
 * run-time causes quote Jayway's messages), whose grammar is wider: a `.` may precede a bracket
 * (`$.[0]`, `$.a.[0].b`, `$.[*].['x','y']`, AWS's own example `$.abc.['def ghi']`), filters may read
 * the root (`@.id == $.want`) and use regular expressions or word operators (`in`, `nin`, `size`, …),
 * and functions compile (`$.a.length()`, accepted at creation though AWS finds nothing with them).
 * https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PathCompiler.java
 */
import { validatePath } from 'asl-path-validator';
import { AslPathContext } from 'asl-path-validator/dist/types';
import { explainJsonPath, tokenizeIntrinsic, type ParsedJsonPath } from '../../engine';
import type { PathKind } from './path-fields';

/** How Jayway reads `value`: a path, a path but for a last character it would silently ignore (`$.a[`), or not a path. */
export type JaywayReading =
  { kind: 'path'; path: ParsedJsonPath } | { kind: 'dropped-tail'; char: string } | { kind: 'invalid'; problem: string };

/** Reads `value` with the engine's port of Jayway's compiler (after the AWS root `$`, `$$` or `$name`). */
export function readWithJayway(value: string): JaywayReading {
  const path = explainJsonPath(value);
  if ('problem' in path) return { kind: 'invalid', problem: path.problem };
  if (path.droppedTail !== undefined) return { kind: 'dropped-tail', char: path.droppedTail };
  return { kind: 'path', path };
}

function isJaywayPath(value: string): boolean {
  return readWithJayway(value).kind === 'path';
}

/** Whether AWS accepts `value` as a path of `kind` (asl-path-validator having refused it). */
export function isAcceptedByJayway(value: string, kind: PathKind): boolean {
  const isIntrinsic = value.startsWith('States.');
  switch (kind) {
    case 'path':
      return isJaywayPath(value);
    case 'template':
      return isIntrinsic ? isIntrinsicWithJaywayPaths(value) : isJaywayPath(value);
    case 'reference':
      return isReferencePath(value, true);
    case 'result':
      return isReferencePath(value, false);
    case 'reference-or-intrinsic':
      return isIntrinsic ? isIntrinsicWithJaywayPaths(value) : isReferencePath(value, true);
  }
}

/**
 * A reference path names one node with property names and indexes only, however written (`$.a.[0]`
 * is `$['a'][0]`): no `@ , : ? *`, `..` or functions, as AWS documents.
 */
function isReferencePath(value: string, allowVariable: boolean): boolean {
  const reading = readWithJayway(value);
  if (reading.kind !== 'path' || (!allowVariable && reading.path.root.kind === 'variable')) return false;
  return reading.path.segments.every((segment) => segment.kind === 'name' || segment.kind === 'index');
}

/**
 * An intrinsic call whose path arguments Jayway compiles, and which asl-path-validator accepts once
 * each of them is replaced by `$` (so it still checks the functions and the other arguments).
 */
function isIntrinsicWithJaywayPaths(value: string): boolean {
  let tokens: ReturnType<typeof tokenizeIntrinsic>;
  try {
    tokens = tokenizeIntrinsic(value);
  } catch {
    return false;
  }
  const paths = tokens.flatMap((token) => (token.kind === 'path' ? [token] : []));
  if (!paths.every((token) => isJaywayPath(token.text))) return false;
  const simplified = paths.reduceRight((text, token) => `${text.slice(0, token.at)}$${text.slice(token.at + token.text.length)}`, value);
  return validatePath(simplified, AslPathContext.PAYLOAD_TEMPLATE).isValid;
}
