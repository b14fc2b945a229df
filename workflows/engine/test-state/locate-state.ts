/**
 * Finds the state TestState runs: the definition itself, or the state `stateName` of a state
 * machine definition (Parallel branches and Map processors included), with its query language.
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import type { JsonObject, JsonValue, QueryLanguage, State, StateMachineBranch } from '../../asl';
import { accept, refuse, type EngineResult } from '../engine-result';
import type { TestStateRefusal } from './test-state-output';

/** The name AWS gives a state tested on its own (`$states.context.State.Name`). */
export const LONE_STATE_NAME = 'StateName';

/** The state under test: its name, definition and the query language it is evaluated in. */
export type LocatedState = { name: string; state: State; language: QueryLanguage };

const STATE_TYPES = new Set(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalidDefinition(problem: string): EngineResult<never, TestStateRefusal> {
  return refuse('InvalidDefinition', `Invalid State Machine Definition: '${problem}'`);
}

/** The structural problem that stops `state` from running, if any (AWS's SCHEMA_VALIDATION_FAILED). */
function shapeProblem(state: JsonObject): string | undefined {
  if (typeof state.Type !== 'string' || !STATE_TYPES.has(state.Type)) {
    return `SCHEMA_VALIDATION_FAILED: The value for the field 'Type' must be one of: ${[...STATE_TYPES].join(', ')}`;
  }
  if (state.Type === 'Task' && typeof state.Resource !== 'string') return 'SCHEMA_VALIDATION_FAILED: These fields are required: [Resource]';
  if (state.Type === 'Choice' && (!Array.isArray(state.Choices) || state.Choices.length === 0))
    return 'SCHEMA_VALIDATION_FAILED: The field "Choices" should be non-empty';
  if (state.Type === 'Parallel' && !Array.isArray(state.Branches)) return 'SCHEMA_VALIDATION_FAILED: These fields are required: [Branches]';
  if (state.Type === 'Map' && !isObject(state.ItemProcessor) && !isObject(state.Iterator))
    return 'SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor]';
  if (state.QueryLanguage !== undefined && state.QueryLanguage !== 'JSONPath' && state.QueryLanguage !== 'JSONata') {
    return "SCHEMA_VALIDATION_FAILED: The value for the field 'QueryLanguage' must be one of: JSONPath, JSONata";
  }
  return undefined;
}

/** The branches nested in a state (Parallel branches, a Map's processor). */
function branchesOf(state: JsonObject): StateMachineBranch[] {
  const nested = state.Type === 'Parallel' ? state.Branches : state.Type === 'Map' ? [state.ItemProcessor ?? state.Iterator] : [];
  return (Array.isArray(nested) ? nested : []).filter(isObject) as unknown as StateMachineBranch[];
}

/** Depth-first search for `name` in `branch` and the branches nested in its states. */
function findState(branch: JsonValue, name: string, inherited: QueryLanguage): { state: JsonObject; language: QueryLanguage } | undefined {
  if (!isObject(branch) || !isObject(branch.States)) return undefined;
  const language = branch.QueryLanguage === 'JSONata' || branch.QueryLanguage === 'JSONPath' ? branch.QueryLanguage : inherited;
  const direct = branch.States[name];
  if (isObject(direct)) return { state: direct, language };
  for (const state of Object.values(branch.States)) {
    if (!isObject(state)) continue;
    const stateLanguage = state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : language;
    for (const nested of branchesOf(state)) {
      const found = findState(nested as unknown as JsonValue, name, stateLanguage);
      if (found) return found;
    }
  }
  return undefined;
}

function located(name: string, state: JsonObject, inherited: QueryLanguage): EngineResult<LocatedState, TestStateRefusal> {
  const problem = shapeProblem(state);
  if (problem) return invalidDefinition(problem);
  const own = state.QueryLanguage as QueryLanguage | undefined;
  return accept({ name, state: state as unknown as State, language: own ?? inherited });
}

/** The state `definition` (or its state `stateName`) describes, or AWS's refusal. */
export function locateState(definition: string, stateName: string | undefined): EngineResult<LocatedState, TestStateRefusal> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (error) {
    return invalidDefinition(`INVALID_JSON_DESCRIPTION: ${(error as Error).message}`);
  }
  if (!isObject(parsed)) return invalidDefinition('SCHEMA_VALIDATION_FAILED: The definition must be an object');
  if (stateName !== undefined) {
    const found = findState(parsed, stateName, 'JSONPath');
    if (!found) return refuse('ValidationException', 'State not found in definition');
    return located(stateName, found.state, found.language);
  }
  if (parsed.Type === undefined && parsed.States !== undefined) {
    return invalidDefinition('SCHEMA_VALIDATION_FAILED: A state machine definition needs stateName to say which state to test');
  }
  return located(LONE_STATE_NAME, parsed, 'JSONPath');
}
