/**
 * Approvals end with their runs: when a run stops, fails, times out or succeeds while an approval
 * of it is pending, the approval becomes `cancelled` with the run's status as reason, and
 * `approval.cancelled` goes out. Locally the engine's status changes call this; on AWS the Step
 * Functions "Execution Status Change" event does (the same handler, see status-change-handler.ts).
 */
import { systemApprovalClock, type ApprovalClock } from './approval-clock';
import { emitApprovalEvent, type OnApprovalEvent } from './approval-event';
import type { ApprovalStore } from './approval-store';
import { publicApproval, type PublicApproval } from './public-approval';
import { runIdOf } from '../catalogue/workflow-catalogue';

/** What cancelling needs. */
export type CancelApprovalsDeps = { store: ApprovalStore; clock?: ApprovalClock; onApprovalEvent?: OnApprovalEvent };

/** Cancels the pending approvals of the execution that ended with `status`; returns those it cancelled (none while it runs). */
export async function cancelApprovalsOfRun(
  { store, clock = systemApprovalClock, onApprovalEvent }: CancelApprovalsDeps,
  executionArn: string,
  status: string,
): Promise<PublicApproval[]> {
  if (status === 'RUNNING') return [];
  const pending = await store.list({ statuses: ['pending'], runId: runIdOf(executionArn) });
  const cancelled: PublicApproval[] = [];
  for (const record of pending.filter((each) => each.executionArn === executionArn)) {
    const now = clock.now();
    const updated = await store.cancel(record.approvalId, status, now);
    if (!updated) continue;
    const approval = publicApproval(updated, now);
    cancelled.push(approval);
    emitApprovalEvent(onApprovalEvent, { type: 'approval.cancelled', approval });
  }
  return cancelled;
}
