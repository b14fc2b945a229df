/**
 * The predefined error names of Amazon States Language.
 * https://states-language.net/spec.html#appendix-a
 */
export const STATES_ERROR_NAMES = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
] as const;

/** One of the error names reserved by the States Language. */
export type StatesErrorName = (typeof STATES_ERROR_NAMES)[number];

/** Whether `name` is reserved by ASL (user code may not throw errors named `States.*`). */
export function isStatesErrorName(name: string): name is StatesErrorName {
  return (STATES_ERROR_NAMES as readonly string[]).includes(name);
}
