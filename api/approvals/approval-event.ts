/**
 * Approval events for listeners outside the approvals module (the live hub): what happened and
 * the approval as clients see it, so a listener can never be handed the task token.
 */
import type { PublicApproval } from './public-approval';

/** `approval.requested` once a pending approval is stored; `approval.decided` once a decision reached the run; `approval.cancelled` once its run ended while it waited. */
export type ApprovalEvent = { type: 'approval.requested' | 'approval.decided' | 'approval.cancelled'; approval: PublicApproval };

/** Receives approval events; it must not block or fail the approval path. */
export type OnApprovalEvent = (event: ApprovalEvent) => void;

/** Hands `event` to `listener` if there is one; a throwing listener never fails the approval itself. */
export function emitApprovalEvent(listener: OnApprovalEvent | undefined, event: ApprovalEvent): void {
  if (!listener) return;
  try {
    listener(event);
  } catch {
    // The approval is stored or decided either way; a broken listener only loses its notice.
  }
}
