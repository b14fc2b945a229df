/** A state of a definition by name, at any depth, for the state inspector. */
import type { StateMachineJson } from '../api/api-types';

/** The state named `name`, at any depth (state names are unique across a state machine, branches included). */
export function stateAt(definition: StateMachineJson, name: string): StateJsonWithName | undefined {
  let found: StateJsonWithName | undefined;
  const walk = (machine: StateMachineJson | undefined): void => {
    for (const [stateName, state] of Object.entries(machine?.States ?? {})) {
      if (found) return;
      if (stateName === name) found = { name: stateName, state };
      for (const branch of state.Branches ?? []) walk(branch);
      walk(state.ItemProcessor ?? state.Iterator);
    }
  };
  walk(definition);
  return found;
}

/** A state and its name. */
export type StateJsonWithName = { name: string; state: StateMachineJson['States'][string] };
