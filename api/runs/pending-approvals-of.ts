/** The pending approvals a run waits on, as clients see them (never the task token). */
import { systemApprovalClock, type ApprovalClock } from '../approvals/approval-clock';
import type { ApprovalStore } from '../approvals/approval-store';
import { listApprovals } from '../approvals/list-approvals';
import type { PublicApproval } from '../approvals/public-approval';
import type { RunDetails } from './describe-run';

/** Pending approvals of this execution; none unless the run waits for one (a record outliving its task is not actionable). */
export async function pendingApprovalsOf(
  store: ApprovalStore,
  run: Pick<RunDetails, 'runId' | 'executionArn' | 'status'>,
  clock: ApprovalClock = systemApprovalClock,
): Promise<PublicApproval[]> {
  if (run.status !== 'WAITING_FOR_APPROVAL') return [];
  const approvals = await listApprovals(store, { status: 'pending', runId: run.runId }, clock.now());
  return approvals.filter((approval) => approval.executionArn === run.executionArn);
}
