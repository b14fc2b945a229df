/** One visit of one state: its input, scope and query language, and what it can see ($$, variables). */
import type { JsonObject, JsonValue, QueryLanguage, State, StateMachineBranch } from '../asl';
import type { PathScope } from './data-flow';
import { isoTime } from './iso-time';
import type { JsonataBindings, StatesBinding } from './jsonata/jsonata-expression';
import type { HistoryEvent } from './history-event';
import type { MapItemContext, Scope } from './scope';

/** A data-flow step of a state, named as TestState's InspectionData field that reports it. */
export type DataFlowStep = 'afterInputPath' | 'afterParameters' | 'afterArguments' | 'result' | 'afterResultSelector' | 'afterResultPath';

/** A state being run. `retryCount` is $$.State.RetryCount (Task, Parallel, Map). */
export type StateRun<S extends State = State> = {
  name: string;
  state: S;
  input: JsonValue;
  scope: Scope;
  language: QueryLanguage;
  entered: HistoryEvent;
  retryCount?: number;
  /** The context object without extras, built on first use (see contextObject). */
  context?: { retryCount?: number; value: JsonObject };
  /** Hears the value of each data-flow step (TestState's inspection data); unset in executions. */
  inspect?: (step: DataFlowStep, value: JsonValue) => void;
  /** The context object TestState runs the state with, instead of the execution's. */
  givenContext?: JsonObject;
};

/**
 * Runs a nested branch (a Parallel branch, a Map iteration) from StartAt to an end. run-branch.ts
 * hands itself down to Parallel and Map through runState, so the states need not import it back.
 */
export type BranchRunner = (
  branch: StateMachineBranch,
  input: JsonValue,
  scope: Scope,
  inheritedLanguage: QueryLanguage,
) => Promise<JsonValue>;

/** How a state ended: its output and the next state (none: the branch ends). */
export type StateOutcome = { output: JsonValue; next?: string };

/** Extra members of the context object while a Task or an ItemSelector is evaluated. */
export type ContextExtras = { taskToken?: string; mapItem?: MapItemContext };

const NO_EXTRAS: ContextExtras = Object.freeze({});

/** The context object `$$` (`$states.context`) for this state. */
export function contextObject(run: StateRun, extras: ContextExtras = NO_EXTRAS): JsonObject {
  const plain = extras.taskToken === undefined && !extras.mapItem;
  if (plain && run.givenContext) return run.givenContext;
  if (plain && run.context && run.context.retryCount === run.retryCount) return run.context.value;
  const context: JsonObject = run.givenContext ? { ...run.givenContext } : executionContext(run);
  if (extras.taskToken !== undefined) context.Task = { Token: extras.taskToken };
  if (extras.mapItem) context.Map = { Item: extras.mapItem };
  if (plain) run.context = { retryCount: run.retryCount, value: context };
  return context;
}

/** `$$` of a state in its execution: Execution, StateMachine and State. */
function executionContext(run: StateRun): JsonObject {
  const state: JsonObject = { Name: run.name, EnteredTime: isoTime(run.entered.timestamp) };
  if (run.retryCount !== undefined) state.RetryCount = run.retryCount;
  return {
    Execution: run.scope.run.executionContext,
    StateMachine: run.scope.run.stateMachineContext,
    State: state,
  };
}

/** A PathScope that builds `$$` and the variables only when a path reads them (most never do). */
class LazyPathScope implements PathScope {
  constructor(
    private readonly run: StateRun,
    private readonly extras: ContextExtras,
  ) {}

  get context(): JsonObject {
    return contextObject(this.run, this.extras);
  }

  get variables(): Readonly<Record<string, JsonValue>> {
    return this.run.scope.variables.visible();
  }
}

/** What JSONPath expressions of this state can read besides its data. */
export function pathScope(run: StateRun, extras: ContextExtras = NO_EXTRAS): PathScope {
  return new LazyPathScope(run, extras);
}

/** What JSONata expressions of this state can read. */
export function jsonataBindings(run: StateRun, states: Partial<StatesBinding> = {}, extras: ContextExtras = {}): JsonataBindings {
  return {
    states: { input: run.input, context: contextObject(run, extras), ...states },
    variables: run.scope.variables.visible(),
  };
}
