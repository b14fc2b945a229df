/** The ErrorEquals of a retrier or catcher as one readable list, e.g. `States.Timeout, States.TaskFailed`. */
export function formatErrorNames(errorEquals: readonly string[]): string {
  return errorEquals.join(', ');
}
