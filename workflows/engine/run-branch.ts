/** Runs the states of a state machine, Parallel branch or Map iteration from StartAt to an end. */
import type { JsonValue, QueryLanguage, StateMachineBranch } from '../asl';
import { StatesError } from './errors';
import { toJsonText } from './json-text';
import { runState } from './run-state';
import type { Scope } from './scope';
import { nextTurn, turnSpent } from './turn-budget';

/** Awaiting it lets every other ready continuation run once (one microtask, no allocation). */
const NEXT_STEP: Promise<void> = Promise.resolve();

/**
 * Runs `branch` on `input` in `scope`; resolves to the last state's output, or throws its error.
 * Synchronous states follow each other without a promise each; a Parallel branch or Map
 * iteration still lets its siblings take a step between two of its states.
 */
export async function runBranch(
  branch: StateMachineBranch,
  input: JsonValue,
  scope: Scope,
  inheritedLanguage: QueryLanguage,
): Promise<JsonValue> {
  const language = branch.QueryLanguage ?? inheritedLanguage;
  let name = branch.StartAt;
  let data = input;
  let text = toJsonText(input);
  for (let count = 1; ; count++) {
    if (turnSpent()) await nextTurn();
    else if (scope.interleaved && count > 1) await NEXT_STEP;
    const state = branch.States[name];
    if (!state) throw new StatesError('States.Runtime', `The state '${name}' does not exist.`);
    const pending = runState(name, state, data, scope, state.QueryLanguage ?? language, text, runBranch);
    const { output, outputText, next } = pending instanceof Promise ? await pending : pending;
    if (next === undefined) return output;
    name = next;
    data = output;
    text = outputText;
  }
}
