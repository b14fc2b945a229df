/** Runs the states of a state machine, Parallel branch or Map iteration from StartAt to an end. */
import type { JsonValue, QueryLanguage, StateMachineBranch } from '../asl';
import { StatesError } from './errors';
import { runState } from './run-state';
import type { Scope } from './scope';

/** How many states a branch runs before letting I/O (API requests, timers) through. */
const STATES_PER_TURN = 64;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `branch` on `input` in `scope`; resolves to the last state's output, or throws its error. */
export async function runBranch(branch: StateMachineBranch, input: JsonValue, scope: Scope, inheritedLanguage: QueryLanguage): Promise<JsonValue> {
  const language = branch.QueryLanguage ?? inheritedLanguage;
  let name = branch.StartAt;
  let data = input;
  for (let count = 1; ; count++) {
    if (count % STATES_PER_TURN === 0) await nextTurn();
    const state = branch.States[name];
    if (!state) throw new StatesError('States.Runtime', `The state '${name}' does not exist.`);
    const { output, next } = await runState(name, state, data, scope, state.QueryLanguage ?? language);
    if (next === undefined) return output;
    name = next;
    data = output;
  }
}
