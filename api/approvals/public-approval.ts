/** What clients see of an approval: everything but the task token, with expiry applied on read. */
import type { ApprovalDecision, ApprovalRecord, ApproverPolicy } from './approval-record';
import { isoInstant } from './approval-record';

/** The status clients see: a pending approval past its expiry reads as `expired` (DynamoDB deletes lazily, dynalite never). */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired' | 'cancelled';

/** An approval without its task token. */
export type PublicApproval = {
  approvalId: string;
  runId: string;
  executionArn: string;
  stateName: string;
  workflow: string;
  approvers: ApproverPolicy;
  message: string;
  input: unknown;
  /** Who started the run, from the run ledger; absent when the run was started outside Statecraft. */
  requestedBy?: string;
  /** False when nobody knows who started the run: four-eyes cannot be checked, and the workflow's policy decides. */
  requesterKnown: boolean;
  requestedAt: string;
  expiresAt?: string;
  status: ApprovalStatus;
  decision?: ApprovalDecision;
  /** Why a cancelled approval was cancelled: the status its run ended with. */
  cancelReason?: string;
  cancelledAt?: string;
};

/** Whether a still-pending record has passed its expiry at `now` (epoch ms). */
export function isExpired(record: Pick<ApprovalRecord, 'expiresAt'>, now: number): boolean {
  return record.expiresAt !== undefined && record.expiresAt <= isoInstant(now);
}

/** The record as clients see it at `now`; fields are copied one by one so the token cannot slip through. */
export function publicApproval(record: ApprovalRecord, now: number): PublicApproval {
  const status = record.status === 'pending' && isExpired(record, now) ? 'expired' : record.status;
  return {
    approvalId: record.approvalId,
    runId: record.runId,
    executionArn: record.executionArn,
    stateName: record.stateName,
    workflow: record.workflow,
    approvers: record.approvers,
    message: record.message,
    input: record.input,
    ...(record.requestedBy === undefined ? {} : { requestedBy: record.requestedBy }),
    requesterKnown: record.requestedBy !== undefined,
    requestedAt: record.requestedAt,
    ...(record.expiresAt === undefined ? {} : { expiresAt: record.expiresAt }),
    status,
    ...(record.decision === undefined ? {} : { decision: record.decision }),
    ...(record.cancelReason === undefined ? {} : { cancelReason: record.cancelReason }),
    ...(record.cancelledAt === undefined ? {} : { cancelledAt: record.cancelledAt }),
  };
}
