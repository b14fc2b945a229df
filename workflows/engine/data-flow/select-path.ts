/**
 * InputPath, OutputPath, ItemsPath and the other `*Path` fields of JSONPath states.
 * https://states-language.net/spec.html#filters
 */
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { lookupPath } from './lookup-path';
import { PATH_CAUSES } from './path-causes';
import type { PathScope } from './path-scope';

/**
 * Selects one value with `path`: `undefined` and `$` keep `data` (even `null`), `null` gives `{}`
 * (InputPath and OutputPath per spec). Throws States.Runtime with AWS's cause when nothing matches; `field` is
 * the ASL field name.
 */
export function selectPath(path: string | null | undefined, data: JsonValue, scope: PathScope, field: string): JsonValue {
  if (path === undefined || path === '$') return data;
  if (path === null) return {};
  const reading = lookupPath(path, data, scope);
  switch (reading.kind) {
    case 'invalid':
      throw new StatesError('States.Runtime', PATH_CAUSES.invalidPath(field));
    case 'unbound-variable':
      throw new StatesError('States.Runtime', PATH_CAUSES.unboundVariable(path, reading.name));
    case 'null-input':
      throw new StatesError('States.Runtime', PATH_CAUSES.nullInput());
    case 'read':
      if (!reading.lookup.found) throw new StatesError('States.Runtime', PATH_CAUSES.noResults(path, reading.lookup.failure));
      return reading.lookup.value;
  }
}
