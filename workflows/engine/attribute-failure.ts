/**
 * Attributes an error to the state it happened in, once: evaluation errors get AWS's prefix
 * "An error occurred while executing the state 'X' (entered at the event id #N). " and
 * States.QueryEvaluationError also records an EvaluationFailed event.
 */
import { StatesError } from './errors';
import type { StateRun } from './state-run';

/** Errors raised while evaluating a state's fields (paths, JSONata, intrinsics, validation). */
const EVALUATION_CODES = new Set([
  'States.Runtime',
  'States.QueryEvaluationError',
  'States.IntrinsicFailure',
  'States.ParameterPathFailure',
  'States.ItemReaderFailed',
]);

const attributed = new WeakSet<StatesError>();

/** Marks an error as already attributed (Fail states, task failures, errors of nested branches). */
export function markAttributed<E extends StatesError>(error: E): E {
  attributed.add(error);
  return error;
}

/** The error as the failing state reports it; records EvaluationFailed for JSONata failures. */
export function attributeFailure(run: StateRun, error: StatesError): StatesError {
  if (attributed.has(error)) return error;
  if (!EVALUATION_CODES.has(error.code)) return markAttributed(error);
  const cause = `An error occurred while executing the state '${run.name}' (entered at the event id #${run.entered.id}). ${error.details}`;
  const result = markAttributed(new StatesError(error.code, cause, { cause: error, location: error.location }));
  if (error.code === 'States.QueryEvaluationError') {
    const details: Record<string, unknown> = { error: error.code, cause };
    if (error.location !== undefined) details.location = error.location;
    details.state = run.name;
    run.scope.emit('EvaluationFailed', details);
  }
  return result;
}
