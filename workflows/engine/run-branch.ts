/** Runs the states of a state machine, Parallel branch or Map iteration from StartAt to an end. */
import type { JsonValue, QueryLanguage, StateMachineBranch } from '../asl';
import { StatesError } from './errors';
import { runState } from './run-state';
import type { Scope } from './scope';

/** Runs `branch` on `input` in `scope`; resolves to the last state's output, or throws its error. */
export async function runBranch(branch: StateMachineBranch, input: JsonValue, scope: Scope, inheritedLanguage: QueryLanguage): Promise<JsonValue> {
  const language = branch.QueryLanguage ?? inheritedLanguage;
  let name = branch.StartAt;
  let data = input;
  for (;;) {
    const state = branch.States[name];
    if (!state) throw new StatesError('States.Runtime', `The state '${name}' does not exist.`);
    const { output, next } = await runState(name, state, data, scope, state.QueryLanguage ?? language);
    if (next === undefined) return output;
    name = next;
    data = output;
  }
}
