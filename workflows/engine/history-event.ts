/**
 * Execution history events as GetExecutionHistory returns them, minus the details key naming,
 * which `detailsKeyFor` derives from the type.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html
 */

/** Details of one event, exactly AWS's `…EventDetails` object (JSON strings for input/output). */
export type EventDetails = Record<string, unknown>;

/** One recorded history event. `timestamp` is epoch milliseconds. */
export type HistoryEvent = {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  details?: EventDetails;
};

/** `{truncated:false}`: AWS's input/output details for payloads that were not truncated. */
export const NOT_TRUNCATED = Object.freeze({ truncated: false });

/** The name of the `…EventDetails` member holding an event's details (`stateEnteredEventDetails`, …). */
export function detailsKeyFor(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}
