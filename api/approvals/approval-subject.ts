/** An approval as the access rule reads it: who may decide it and who started its run. */
import type { ApprovalSubject } from '../access/access-rule';
import type { PublicApproval } from './public-approval';

/** The subject of a `decide` (or of reading an approval) for `checkAccess`. */
export function approvalSubject(approval: Pick<PublicApproval, 'approvalId' | 'approvers' | 'requestedBy'>): ApprovalSubject {
  return { approvalId: approval.approvalId, approvers: approval.approvers, requestedBy: approval.requestedBy };
}
