/**
 * TimeoutSeconds and HeartbeatSeconds of a Task (literal, *Path or JSONata): positive integers.
 * https://states-language.net/spec.html#task-state
 */
import type { JsonValue, TaskState } from '../../asl';
import { selectPath } from '../data-flow';
import { StatesError } from '../errors';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';

/** A task's time limits in seconds (undefined: none). */
export type TaskTimeouts = { timeoutSeconds?: number; heartbeatSeconds?: number };

async function seconds(
  run: StateRun<TaskState>,
  input: JsonValue,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
): Promise<number | undefined> {
  const literal = run.state[field];
  const path = run.state[`${field}Path`];
  let value: JsonValue | undefined;
  let origin = field;
  if (literal !== undefined) {
    value = run.language === 'JSONata' ? await resolveJsonataTemplate(literal, jsonataBindings(run), field) : literal;
  } else if (path !== undefined) {
    value = selectPath(path, input, pathScope(run), `${field}Path`);
    origin = `${field}Path` as typeof field;
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    const message = `The ${origin} field must be a positive integer but was: ${JSON.stringify(value)}`;
    throw run.language === 'JSONata'
      ? new StatesError('States.QueryEvaluationError', message, { location: field })
      : new StatesError('States.Runtime', message);
  }
  return value;
}

/** Evaluates the Task's time limits against its effective input. */
export async function taskTimeouts(run: StateRun<TaskState>, input: JsonValue): Promise<TaskTimeouts> {
  return { timeoutSeconds: await seconds(run, input, 'TimeoutSeconds'), heartbeatSeconds: await seconds(run, input, 'HeartbeatSeconds') };
}
