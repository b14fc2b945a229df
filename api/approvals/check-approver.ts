/** Who may decide an approval: a named user or a member of a named group, and not the requester unless allowed. */
import { HttpError, type Caller } from '../errors';
import type { ApprovalRecord } from './approval-record';

/** Throws 403 unless `caller` may decide `record`. */
export function checkApprover(record: Pick<ApprovalRecord, 'approvalId' | 'approvers' | 'requestedBy'>, caller: Caller): void {
  const { users, groups, allowRequester } = record.approvers;
  const named = users.includes(caller.user) || caller.groups.some((group) => groups.includes(group));
  if (!named) {
    throw new HttpError(403, 'approval-not-allowed', `${caller.user} is not an approver of ${record.approvalId}`, { approvalId: record.approvalId });
  }
  if (!allowRequester && record.requestedBy !== undefined && record.requestedBy === caller.user) {
    throw new HttpError(403, 'approval-requester-not-allowed', `${caller.user} requested this run and may not decide ${record.approvalId}`, {
      approvalId: record.approvalId,
    });
  }
}
