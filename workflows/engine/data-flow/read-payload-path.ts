/** Path reads inside payload templates and intrinsic arguments, which fail with States.Runtime. */
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { lookupPath } from './lookup-path';
import { PATH_CAUSES } from './path-causes';
import type { PathScope } from './path-scope';

/**
 * The value a `key.$` path (or an intrinsic's path argument) selects. `field` is the `key.$`
 * name AWS quotes in the cause. A missing node is States.Runtime, not ParameterPathFailure:
 * that is what AWS reports (scenarios/test_invalid_jsonpath_*).
 */
export function readPayloadPath(text: string, data: JsonValue, scope: PathScope, field?: string): JsonValue {
  const reading = lookupPath(text, data, scope);
  switch (reading.kind) {
    case 'invalid':
      throw new StatesError('States.Runtime', PATH_CAUSES.invalidPayloadValue(field ?? text));
    case 'unbound-variable':
      throw new StatesError('States.Runtime', PATH_CAUSES.unboundVariable(text, reading.name));
    case 'null-input':
      throw new StatesError('States.Runtime', PATH_CAUSES.nullInput());
    case 'read':
      if (!reading.lookup.found) {
        throw new StatesError('States.Runtime', PATH_CAUSES.payloadPathNotFound(text, field, reading.root));
      }
      return reading.lookup.value;
  }
}
