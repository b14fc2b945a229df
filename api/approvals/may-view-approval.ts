/** Who may read an approval: anyone with read access, and the approvers its policy names (even outside the read groups). */
import type { Caller } from '../errors';
import { PERMISSION_GROUPS } from '../middleware/authorize';
import type { ApproverPolicy } from './approval-record';

/** True when `caller` may see an approval with this approver policy. */
export function mayViewApproval(approval: { approvers: ApproverPolicy }, caller: Caller): boolean {
  if (caller.groups.some((group) => PERMISSION_GROUPS.read.includes(group))) return true;
  return approval.approvers.users.includes(caller.user) || caller.groups.some((group) => approval.approvers.groups.includes(group));
}
