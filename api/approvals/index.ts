/** Approvals: the stored pending approval, the approval-request handler and the one decision path. */
export { approvalRequestHandler } from './approval-request-handler';
export type { ApprovalRequestHandlerDeps, ApprovalRequestResult } from './approval-request-handler';
export { ApprovalStore, APPROVALS_TABLE } from './approval-store';
export type { ApprovalFilter, DecideResult } from './approval-store';
export { ensureApprovalsTable } from './ensure-approvals-table';
export { emitApprovalEvent } from './approval-event';
export type { ApprovalEvent, OnApprovalEvent } from './approval-event';
export { decideApproval } from './decide-approval';
export type { DecideApprovalDeps, DecisionInput, DecisionRequest } from './decide-approval';
export { publicApproval, isExpired } from './public-approval';
export type { ApprovalStatus, PublicApproval } from './public-approval';
export { listApprovals } from './list-approvals';
export type { ApprovalListFilter } from './list-approvals';
export { systemApprovalClock } from './approval-clock';
export type { ApprovalClock } from './approval-clock';
export { DECISION_CHANNELS } from './approval-record';
export type { ApprovalDecision, ApprovalRecord, ApproverPolicy, DecisionChannel } from './approval-record';
