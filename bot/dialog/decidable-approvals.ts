/** The pending approvals a caller may decide, newest first: what "anything need my OK?" lists. */
import { checkAccess } from '../../api/access/access-rule';
import { approvalSubject } from '../../api/approvals/approval-subject';
import { listApprovals } from '../../api/approvals/list-approvals';
import type { PublicApproval } from '../../api/approvals/public-approval';
import type { DialogTurn } from './dialog-turn';

/** Pending approvals of `runId` (or of every run) that the caller may decide. */
export async function decidableApprovals({ caller, deps }: DialogTurn, runId?: string): Promise<PublicApproval[]> {
  const pending = await listApprovals(deps.approvals, { status: 'pending', runId }, deps.clock.now());
  return pending.filter(
    (approval) => checkAccess(caller, 'decide', deps.lookup.catalogue.accessOf(approval.workflow), approvalSubject(approval)).allowed,
  );
}

/** Pending approvals the caller may read but not decide (their own runs, waiting for someone else). */
export async function approvalsWaitingOnOthers({ caller, deps }: DialogTurn): Promise<PublicApproval[]> {
  const pending = await listApprovals(deps.approvals, { status: 'pending' }, deps.clock.now());
  return pending.filter((approval) => {
    const access = deps.lookup.catalogue.accessOf(approval.workflow);
    const subject = approvalSubject(approval);
    return checkAccess(caller, 'read', access, subject).allowed && !checkAccess(caller, 'decide', access, subject).allowed;
  });
}
