/**
 * What a decided approval hands the waiting task: SendTaskSuccess with `{ approved: true, decidedBy,
 * comment }`, or SendTaskFailure with the Approval.Rejected error and the decision as its cause. The
 * API and the test kit both resume runs through these, so a test sees exactly what a run would.
 */
import { APPROVAL_REJECTED_ERROR } from './approval-fields';

/** The task's output when approved (the DSL's ApprovalDecision). */
export function approvedOutput(decidedBy: string, comment?: string): { approved: true; decidedBy: string; comment: string | null } {
  return { approved: true, decidedBy, comment: comment ?? null };
}

/** The task's failure when rejected. */
export function rejectedFailure(decidedBy: string, reason?: string): { error: string; cause: string } {
  return { error: APPROVAL_REJECTED_ERROR, cause: JSON.stringify({ approved: false, decidedBy, reason: reason ?? null }) };
}
