/**
 * The contract between a run's approval step and whoever decides it: the built-in function every
 * approval step calls (it stores the pending approval with the task token), and what a decision
 * hands the waiting task (SendTaskSuccess with `{ approved: true, decidedBy, comment }`, or
 * SendTaskFailure with Approval.Rejected and the decision as its cause). The DSL builds the step,
 * the API and the chat decide, the console and the history reader recognise it, and the test kit
 * decides in tests: all from here.
 */

/** The built-in function every approval step calls. */
export const APPROVAL_REQUEST_FUNCTION = 'approval-request';

/** The error a rejection fails the approval task with (SendTaskFailure). */
export const APPROVAL_REJECTED_ERROR = 'Approval.Rejected';

/** The task's output when approved. */
export function approvedOutput(decidedBy: string, comment?: string): { approved: true; decidedBy: string; comment: string | null } {
  return { approved: true, decidedBy, comment: comment ?? null };
}

/** The task's failure when rejected. */
export function rejectedFailure(decidedBy: string, reason?: string): { error: string; cause: string } {
  return { error: APPROVAL_REJECTED_ERROR, cause: JSON.stringify({ approved: false, decidedBy, reason: reason ?? null }) };
}
