/**
 * Approval events onto the live hub: `approval.requested` with who may decide and why,
 * `approval.decided` with the decision, `approval.cancelled` with the reason. Fields are picked
 * one by one from the public approval (which has no task token), and the hub redacts tokens again
 * on publish.
 */
import type { ApprovalEvent } from '../approvals/approval-event';
import type { PublicApproval } from '../approvals/public-approval';
import type { LiveEvent } from './live-event';
import type { LiveHub } from './live-hub';

/** Publishes `event` to `hub` as approval.requested, approval.decided or approval.cancelled. */
export function publishApprovalEvent(hub: LiveHub, event: ApprovalEvent): LiveEvent {
  const { approval } = event;
  return hub.publishApproval(event.type, {
    approvalId: approval.approvalId,
    runId: approval.runId,
    workflow: approval.workflow,
    stateName: approval.stateName,
    details: detailsOf(event),
  });
}

function detailsOf({ type, approval }: ApprovalEvent): Record<string, unknown> {
  if (type === 'approval.requested') return requestedDetails(approval);
  if (type === 'approval.cancelled')
    return approval.cancelReason === undefined ? { status: 'cancelled' } : { status: 'cancelled', reason: approval.cancelReason };
  return approval.decision === undefined ? { status: approval.status } : { status: approval.status, decision: approval.decision };
}

function requestedDetails(approval: PublicApproval): Record<string, unknown> {
  const details: Record<string, unknown> = {
    status: approval.status,
    message: approval.message,
    approvers: approval.approvers,
    requestedAt: approval.requestedAt,
  };
  if (approval.requestedBy !== undefined) details.requestedBy = approval.requestedBy;
  if (approval.expiresAt !== undefined) details.expiresAt = approval.expiresAt;
  return details;
}
