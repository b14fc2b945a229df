/**
 * The context object (`$$`, `$states.context`) of a tested state, shaped as AWS's TestState
 * builds it: an Express execution named for the test, `RoleArn` null without a role, and
 * `State.RetryCount` for states that can retry; a context given with the request is laid over it.
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
import type { JsonObject, JsonValue } from '../../asl';
import { isoTime } from '../iso-time';

/** What the context object says about the test's execution and state. */
export type TestContextFacts = {
  executionArn: string;
  executionName: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string | undefined;
  input: JsonValue;
  startedAt: number;
  stateName: string;
  enteredAt: number;
  /** Set for Task, Map and Parallel states (the retries already made). */
  retryCount?: number;
};

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** `given` laid over `base`: objects merge member by member, anything else replaces. */
function overlay(base: JsonObject, given: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(given)) {
    const under = merged[key];
    merged[key] = isObject(under) && isObject(value) ? overlay(under, value) : value;
  }
  return merged;
}

/** The context object for `facts`, with the caller's `given` context laid over it. */
export function testContextObject(facts: TestContextFacts, given?: JsonObject): JsonObject {
  const state: JsonObject = { Name: facts.stateName, EnteredTime: isoTime(facts.enteredAt) };
  if (facts.retryCount !== undefined) state.RetryCount = facts.retryCount;
  const base: JsonObject = {
    Execution: {
      Id: facts.executionArn,
      Input: facts.input,
      Name: facts.executionName,
      RoleArn: facts.roleArn ?? null,
      StartTime: isoTime(facts.startedAt),
    },
    StateMachine: { Id: facts.stateMachineArn, Name: facts.stateMachineName },
    State: state,
  };
  return given ? overlay(base, given) : base;
}
