/** Fills `${Name}` placeholders in a compiled definition, as CDK's definitionSubstitutions does on AWS. */
import type { StateMachine } from '../asl';
import { DefinitionError } from './errors';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/**
 * A copy of `definition` with every `${Name}` replaced by `values[Name]`. Throws DefinitionError
 * naming each placeholder without a value, so nothing half-substituted is ever deployed.
 */
export function applySubstitutions(workflow: string, definition: StateMachine, values: Readonly<Record<string, string>>): StateMachine {
  const missing = new Set<string>();
  const text = JSON.stringify(definition).replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new DefinitionError(
      [...missing].map((name) => ({
        severity: 'error' as const,
        code: 'missing-substitution',
        workflow,
        statePath: [],
        message: `no value for placeholder \${${name}}`,
      })),
    );
  }
  return JSON.parse(text) as StateMachine;
}
