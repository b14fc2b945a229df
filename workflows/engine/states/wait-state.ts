/**
 * Wait: delays for Seconds / until Timestamp (or their *Path / JSONata forms), counted from
 * the moment the state was entered, so a replay after a restart wakes at the original instant.
 * https://states-language.net/spec.html#wait-state
 */
import type { JsonValue, WaitState } from '../../asl';
import { evaluateAssign } from '../assign';
import { selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import type { AttemptOutcome } from '../with-retry-and-catch';
import { effectiveInput } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../evaluation-step';
import { parseTimestamp } from '../parse-timestamp';

type WaitPlan = AttemptOutcome & { dueAt: number };

function runtimeError(message: string): StatesError {
  return new StatesError('States.Runtime', message);
}

function secondsFromPath(path: string, value: JsonValue): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw runtimeError(
      `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${typeof value === 'string' ? value : JSON.stringify(value)}`,
    );
  }
  if (value < 0) throw runtimeError(`The SecondsPath parameter references a negative value: ${path} == ${value}`);
  return value;
}

function timestampFromPath(path: string, value: JsonValue): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const instant = typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (instant === undefined) {
    throw runtimeError(
      `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${text}`,
    );
  }
  return instant;
}

function jsonataFieldError(field: string, message: string): StatesError {
  return new StatesError('States.QueryEvaluationError', message, { location: field });
}

async function dueAtJsonata(run: StateRun<WaitState>, enteredAt: number): Promise<number> {
  const { state } = run;
  if (state.Seconds !== undefined) {
    const seconds = await resolveJsonataTemplate(state.Seconds, jsonataBindings(run), 'Seconds');
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw jsonataFieldError('Seconds', `The Seconds field must be a non-negative integer but was: ${JSON.stringify(seconds)}`);
    }
    return enteredAt + seconds * 1000;
  }
  const timestamp = await resolveJsonataTemplate(state.Timestamp ?? null, jsonataBindings(run), 'Timestamp');
  const instant = typeof timestamp === 'string' ? parseTimestamp(timestamp) : undefined;
  if (instant === undefined) {
    const text = typeof timestamp === 'string' ? timestamp : JSON.stringify(timestamp);
    throw jsonataFieldError(
      'Timestamp',
      `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`,
    );
  }
  return instant;
}

function dueAtJsonPath(run: StateRun<WaitState>, input: JsonValue, enteredAt: number): number {
  const { state } = run;
  if (typeof state.Seconds === 'number') return enteredAt + state.Seconds * 1000;
  if (state.Timestamp !== undefined) {
    const instant = parseTimestamp(state.Timestamp);
    if (instant === undefined)
      throw runtimeError(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${state.Timestamp}`);
    return instant;
  }
  if (state.SecondsPath !== undefined) {
    return enteredAt + secondsFromPath(state.SecondsPath, selectPath(state.SecondsPath, input, pathScope(run), 'SecondsPath')) * 1000;
  }
  if (state.TimestampPath !== undefined) {
    return timestampFromPath(state.TimestampPath, selectPath(state.TimestampPath, input, pathScope(run), 'TimestampPath'));
  }
  throw runtimeError('A Wait state needs one of Seconds, Timestamp, SecondsPath or TimestampPath.');
}

async function planWait(run: StateRun<WaitState>): Promise<WaitPlan> {
  const { state } = run;
  const enteredAt = run.entered.timestamp;
  if (run.language === 'JSONata') {
    const dueAt = await dueAtJsonata(run, enteredAt);
    const output = state.Output !== undefined ? await resolveJsonataTemplate(state.Output, jsonataBindings(run), 'Output') : run.input;
    const assigned = await evaluateAssign(run, state.Assign, run.input);
    return { dueAt, output, assigned };
  }
  const input = effectiveInput(run);
  const dueAt = dueAtJsonPath(run, input, enteredAt);
  const assigned = await evaluateAssign(run, state.Assign, input);
  const output = selectPath(state.OutputPath, input, pathScope(run), 'OutputPath');
  return { dueAt, output, assigned };
}

/** Runs a Wait state. */
export async function runWaitState(run: StateRun<WaitState>): Promise<AttemptOutcome> {
  const { dueAt, ...outcome } = await evaluationStep(run, () => planWait(run));
  await run.scope.sleepUntil(dueAt);
  return outcome;
}
