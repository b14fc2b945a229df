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
import type { BranchRunner, StateRun } from './state-run';
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

/** A state's outcome as the branch loop needs it: output (and its JSON text) and next state (none: end of branch). */
export type RanState = { output: JsonValue; outputText: string; next?: string };

type EventTypes = { entered: string; exited: string; aborted: string };

/** Event type names by state type, built once instead of per state. */
const EVENT_TYPES: Readonly<Record<State['Type'], EventTypes>> = Object.freeze(
  Object.fromEntries(
    (['Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map', 'Task'] as const).map((type) => [
      type,
      { entered: `${type}StateEntered`, exited: `${type}StateExited`, aborted: `${type}StateAborted` },
    ]),
  ) as Record<State['Type'], EventTypes>,
);

function dispatch(run: StateRun, runBranch: BranchRunner): AttemptOutcome | Promise<AttemptOutcome> {
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
      return runParallelState(run as StateRun<typeof state>, runBranch);
    case 'Map':
      return runMapState(run as StateRun<typeof state>, runBranch);
    case 'Task':
      return runTaskState(run as StateRun<typeof state>);
  }
}

/** The state after `state`: the outcome's (Choice, Catch) or the state's Next; none at an end. */
export function nextOf(state: State, outcome: AttemptOutcome): string | undefined {
  if (outcome.next !== undefined) return outcome.next;
  if (state.Type === 'Succeed' || state.Type === 'Fail' || state.Type === 'Choice') return undefined;
  return state.End ? undefined : state.Next;
}

/** What a state's failure becomes: attributed to the state, or `…StateAborted` recorded for a stop. */
function failure(run: StateRun, error: unknown): unknown {
  if (error instanceof StatesError) return error.code === 'States.DataLimitExceeded' ? markAttributed(error) : attributeFailure(run, error);
  if (isStopRequest(error) && ABORTABLE.has(run.state.Type)) run.scope.emitFinal(EVENT_TYPES[run.state.Type].aborted);
  return error;
}

function exit(run: StateRun, outcome: AttemptOutcome, inputText: string): RanState {
  let outputText: string;
  try {
    // Choice, Wait and many Pass states hand their input on as it is.
    outputText = outcome.output === run.input ? inputText : toJsonText(outcome.output);
    assertWithinPayloadLimit(run.name, outputText);
  } catch (error) {
    throw failure(run, error);
  }
  if (outcome.assigned) run.scope.variables.assign(outcome.assigned);
  const details = { name: run.name, output: outputText, outputDetails: NOT_TRUNCATED };
  run.scope.emit(
    EVENT_TYPES[run.state.Type].exited,
    outcome.assigned ? { ...details, ...assignedVariablesDetails(outcome.assigned) } : details,
  );
  return { output: outcome.output, outputText, next: nextOf(run.state, outcome) };
}

/**
 * Runs state `name` on `input` (whose JSON text is `inputText`) in `scope`; Parallel and Map run
 * their branches with `runBranch`. Synchronous when the state is (Pass, Choice, …): the run loop
 * then goes on without a promise per state.
 */
export function runState(
  name: string,
  state: State,
  input: JsonValue,
  scope: Scope,
  language: QueryLanguage,
  inputText: string,
  runBranch: BranchRunner,
): RanState | Promise<RanState> {
  const entered = scope.emit(EVENT_TYPES[state.Type].entered, { name, input: inputText, inputDetails: NOT_TRUNCATED });
  const run: StateRun = { name, state, input, scope, language, entered };
  let pending: AttemptOutcome | Promise<AttemptOutcome>;
  try {
    pending = dispatch(run, runBranch);
  } catch (error) {
    throw failure(run, error);
  }
  if (!(pending instanceof Promise)) return exit(run, pending, inputText);
  return pending.then(
    (outcome) => exit(run, outcome, inputText),
    (error: unknown) => {
      throw failure(run, error);
    },
  );
}
