/**
 * Parallel: runs every branch on the same input, concurrently; the result is the array of branch
 * outputs. A failing branch cancels the others and fails the state with its own error.
 * https://states-language.net/spec.html#parallel-state
 */
import type { JsonValue, ParallelState } from '../../asl';
import { resolvePayloadTemplate } from '../data-flow';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { withRetryAndCatch, type AttemptOutcome } from '../with-retry-and-catch';
import { firstFailure, runChildren } from '../run-children';
import type { Scope } from '../scope';
import { effectiveInput, processResult } from '../process-result';
import { jsonataBindings, pathScope, type BranchRunner, type StateRun } from '../state-run';

async function branchInput(run: StateRun<ParallelState>): Promise<JsonValue> {
  const { state } = run;
  if (run.language === 'JSONata') {
    return state.Arguments !== undefined ? resolveJsonataTemplate(state.Arguments, jsonataBindings(run), 'Arguments') : run.input;
  }
  const input = effectiveInput(run);
  return state.Parameters !== undefined ? resolvePayloadTemplate(state.Parameters, input, pathScope(run), 'Parameters') : input;
}

async function attempt(run: StateRun<ParallelState>, runBranch: BranchRunner): Promise<AttemptOutcome> {
  const { scope, state } = run;
  const input = await branchInput(run);
  scope.emit('ParallelStateStarted');
  const spawn = scope.reserveSpawn();
  const children: Scope[] = [];
  const results = await runChildren({
    count: state.Branches.length,
    limit: 0,
    parentSignal: scope.signal,
    failFast: true,
    run: (index, signal) => {
      const child = scope.child(spawn, { index, variables: scope.variables.child(), signal });
      children.push(child);
      return runBranch(state.Branches[index], input, child, scope.run.definition.QueryLanguage ?? 'JSONPath');
    },
  });
  scope.follow(children);
  const failure = firstFailure(results);
  if (failure) throw failure.error;
  scope.emit('ParallelStateSucceeded');
  return processResult(
    run,
    results.map((result) => (result.ok ? result.value : null)),
  );
}

/** Runs a Parallel state (with its Retry and Catch), each branch with `runBranch`. */
export function runParallelState(run: StateRun<ParallelState>, runBranch: BranchRunner): Promise<AttemptOutcome> {
  return withRetryAndCatch(
    run,
    () => attempt(run, runBranch),
    () => run.scope.emit('ParallelStateFailed'),
  );
}
