/**
 * A state's evaluation step, memoised in the journal only when the state can evaluate
 * differently on a replay (States.UUID, States.MathRandom, $random, $uuid, $now, $millis), so
 * the common deterministic state costs no extra write.
 */
import type { State } from '../asl';
import { isNondeterministicJsonata } from './jsonata/aws-functions';
import type { StateRun } from './state-run';

const verdicts = new WeakMap<State, boolean>();

/** Whether evaluating `state` may give a different result on a replay. */
export function isNondeterministicState(state: State): boolean {
  let verdict = verdicts.get(state);
  if (verdict === undefined) {
    const text = JSON.stringify(state);
    verdict = /States\.(UUID|MathRandom)\s*\(/.test(text) || isNondeterministicJsonata(text);
    verdicts.set(state, verdict);
  }
  return verdict;
}

/** Runs `compute` for `run`, through the journal when the state is nondeterministic (synchronously otherwise). */
export function evaluationStep<T>(run: StateRun, compute: () => Promise<T> | T): Promise<T> | T {
  if (isNondeterministicState(run.state)) return run.scope.memo(compute);
  run.scope.advance();
  return compute();
}
