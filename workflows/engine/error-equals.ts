/**
 * Whether a Retrier's or Catcher's ErrorEquals covers an error.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-error-representation
 */

/** Errors that no Retry or Catch can handle: the execution fails. */
const UNCATCHABLE = new Set(['States.Runtime']);

/** Errors States.ALL does not cover (they must be named explicitly). */
const NOT_IN_ALL = new Set(['States.DataLimitExceeded', 'States.Runtime']);

/** Whether `code` can never be retried or caught. */
export function isUncatchable(code: string): boolean {
  return UNCATCHABLE.has(code);
}

/**
 * Whether `errorEquals` matches the error named `code` (States.ALL, States.TaskFailed wildcards
 * included), or its more specific name `alsoMatches` (States.HeartbeatTimeout).
 */
export function errorEqualsMatches(errorEquals: readonly string[], code: string, alsoMatches?: string): boolean {
  if (isUncatchable(code)) return false;
  return errorEquals.some((name) => {
    if (name === code || (alsoMatches !== undefined && name === alsoMatches)) return true;
    if (name === 'States.ALL') return !NOT_IN_ALL.has(code);
    if (name === 'States.TaskFailed') return !NOT_IN_ALL.has(code) && code !== 'States.Timeout';
    return false;
  });
}
