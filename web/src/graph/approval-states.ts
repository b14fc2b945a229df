/** The approval steps of a definition: Tasks that wait for a token from the approval-request function, at any depth. */
import type { StateMachineJson } from '../api/api-types';
import { APPROVAL_REQUEST_FUNCTION } from '../../../workflows/dsl/build/approval-request-function';

/** Names of the states that are approval steps. */
export function approvalStateNames(definition: StateMachineJson): Set<string> {
  const names = new Set<string>();
  const walk = (machine: StateMachineJson | undefined): void => {
    for (const [name, state] of Object.entries(machine?.States ?? {})) {
      const target = JSON.stringify((state as { Parameters?: unknown; Arguments?: unknown }).Parameters ?? (state as { Arguments?: unknown }).Arguments ?? {});
      if (String(state.Resource ?? '').endsWith('.waitForTaskToken') && target.includes(`:function:${APPROVAL_REQUEST_FUNCTION}`)) names.add(name);
      for (const branch of state.Branches ?? []) walk(branch);
      walk(state.ItemProcessor ?? state.Iterator);
    }
  };
  walk(definition);
  return names;
}

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
