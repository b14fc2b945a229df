/**
 * Reads a JSONPath string against the state's data, the context object (`$$`) or a variable
 * (`$name`), and says precisely why nothing was read so each caller can phrase AWS's cause.
 */
import type { JsonValue } from '../../asl';
import { evaluateJsonPath, type PathLookup } from './evaluate-json-path';
import { parseJsonPath, type ParsedJsonPath } from './parse-json-path';
import type { PathScope } from './path-scope';

/** The outcome of reading a path: `root` is the value the path was applied to. */
export type PathReading =
  | { kind: 'invalid' }
  | { kind: 'unbound-variable'; name: string }
  | { kind: 'null-input' }
  | { kind: 'read'; path: ParsedJsonPath; root: JsonValue; lookup: PathLookup };

/** Resolves `text` against `data` and `scope` without throwing. */
export function lookupPath(text: string, data: JsonValue, scope: PathScope): PathReading {
  const path = parseJsonPath(text);
  if (!path) return { kind: 'invalid' };
  const { root } = path;
  if (root.kind === 'variable') {
    if (!Object.hasOwn(scope.variables, root.name)) return { kind: 'unbound-variable', name: root.name };
    const value = scope.variables[root.name];
    return { kind: 'read', path, root: value, lookup: evaluateJsonPath(path, value) };
  }
  if (root.kind === 'context') {
    return { kind: 'read', path, root: scope.context, lookup: evaluateJsonPath(path, scope.context) };
  }
  if (data === null) return { kind: 'null-input' };
  return { kind: 'read', path, root: data, lookup: evaluateJsonPath(path, data) };
}
