/**
 * Runs one state: records StateEntered, dispatches on `Type`, attributes errors to the state,
 * checks the payload limit, assigns variables and records StateExited.
 */
import type { JsonValue, QueryLanguage, State } from '../asl';
import { assignedVariablesDetails } from './assign';
import { isStopRequest, StatesError } from './errors';
import { NOT_TRUNCATED } from './history-event';
import { assertWithinPayloadLimit, toJsonText } from './json-text';
import type { AttemptOutcome } from './with-retry-and-catch';
import type { Scope } from './scope';
import { attributeFailure, markAttributed } from './attribute-failure';
import type { StateRun } from './state-run';
import { runChoiceState } from './states/choice-state';
import { runFailState } from './states/fail-state';
import { runMapState } from './states/map-state';
import { runParallelState } from './states/parallel-state';
import { runPassState } from './states/pass-state';
import { runSucceedState } from './states/succeed-state';
import { runTaskState } from './states/task-state';
import { runWaitState } from './states/wait-state';

/** States that record `…StateAborted` when StopExecution interrupts them. */
const ABORTABLE = new Set(['Task', 'Wait', 'Map', 'Parallel']);

/** A state's outcome as the branch loop needs it: output and next state (none: end of branch). */
export type RanState = { output: JsonValue; next?: string };

function dispatch(run: StateRun): AttemptOutcome | Promise<AttemptOutcome> {
  const state = run.state;
  switch (state.Type) {
    case 'Pass':
      return runPassState(run as StateRun<typeof state>);
    case 'Choice':
      return runChoiceState(run as StateRun<typeof state>);
    case 'Wait':
      return runWaitState(run as StateRun<typeof state>);
    case 'Succeed':
      return runSucceedState(run as StateRun<typeof state>);
    case 'Fail':
      return runFailState(run as StateRun<typeof state>);
    case 'Parallel':
      return runParallelState(run as StateRun<typeof state>);
    case 'Map':
      return runMapState(run as StateRun<typeof state>);
    case 'Task':
      return runTaskState(run as StateRun<typeof state>);
  }
}

function nextOf(state: State, outcome: AttemptOutcome): string | undefined {
  if (outcome.next !== undefined) return outcome.next;
  if (state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice') return undefined;
  return state.End ? undefined : state.Next;
}

/** Runs state `name` on `input` in `scope`. */
export async function runState(name: string, state: State, input: JsonValue, scope: Scope, language: QueryLanguage): Promise<RanState> {
  const entered = scope.emit(`${state.Type}StateEntered`, { name, input: toJsonText(input), inputDetails: NOT_TRUNCATED });
  const run: StateRun = { name, state, input, scope, language, entered };
  let outcome: AttemptOutcome;
  try {
    const pending = dispatch(run);
    outcome = pending instanceof Promise ? await pending : pending;
    assertWithinPayloadLimit(name, outcome.output);
  } catch (error) {
    if (error instanceof StatesError) throw error.code === 'States.DataLimitExceeded' ? markAttributed(error) : attributeFailure(run, error);
    if (isStopRequest(error) && ABORTABLE.has(state.Type)) scope.emitFinal(`${state.Type}StateAborted`);
    throw error;
  }
  if (outcome.assigned) scope.variables.assign(outcome.assigned);
  scope.emit(`${state.Type}StateExited`, {
    name,
    output: toJsonText(outcome.output),
    outputDetails: NOT_TRUNCATED,
    ...assignedVariablesDetails(outcome.assigned),
  });
  return { output: outcome.output, next: nextOf(state, outcome) };
}
