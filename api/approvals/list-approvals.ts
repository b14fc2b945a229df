/** Lists approvals as clients see them, with expiry applied on read (DynamoDB deletes lazily, dynalite never). */
import type { StoredApprovalStatus } from './approval-record';
import type { ApprovalStore } from './approval-store';
import { publicApproval, type PublicApproval } from './public-approval';

/** The statuses a listing filters by: `decided` means approved or rejected; `expired` includes pending approvals past their expiry. */
export const APPROVAL_LIST_STATUSES = ['pending', 'decided', 'expired', 'cancelled'] as const;

/** Which approvals to list. */
export type ApprovalListFilter = { status?: (typeof APPROVAL_LIST_STATUSES)[number]; runId?: string };

const STORED: Record<NonNullable<ApprovalListFilter['status']>, readonly StoredApprovalStatus[]> = {
  pending: ['pending'],
  decided: ['approved', 'rejected'],
  expired: ['pending', 'expired'],
  cancelled: ['cancelled'],
};

/** The matching approvals at `now` (epoch ms), newest first, without task tokens. */
export async function listApprovals(store: ApprovalStore, filter: ApprovalListFilter, now: number): Promise<PublicApproval[]> {
  const records = await store.list({ statuses: filter.status ? STORED[filter.status] : undefined, runId: filter.runId });
  const views = records.map((record) => publicApproval(record, now));
  if (filter.status === 'pending') return views.filter((view) => view.status === 'pending');
  if (filter.status === 'expired') return views.filter((view) => view.status === 'expired');
  return views;
}
