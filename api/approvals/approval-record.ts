/**
 * A stored approval: who may decide, what they decide on, and the task token that resumes the run.
 * The token stays in the backend; see public-approval.ts for what leaves it.
 */
import { z } from 'zod';

/**
 * The stored lifecycle: `expired` is stored only once Step Functions refused a late decision;
 * `cancelled` once the run ended (stopped, failed, timed out, succeeded) while the approval waited.
 */
export const STORED_APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired', 'cancelled'] as const;

/** Where a decision was made, for the audit trail. */
export const DECISION_CHANNELS = ['api', 'console', 'chat'] as const;

/** One of STORED_APPROVAL_STATUSES. */
export type StoredApprovalStatus = (typeof STORED_APPROVAL_STATUSES)[number];

/** One of DECISION_CHANNELS. */
export type DecisionChannel = (typeof DECISION_CHANNELS)[number];

/** Who may decide: named users, members of groups, and whether the run's requester may. */
export const approverPolicySchema = z.object({
  users: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
  allowRequester: z.boolean().default(false),
});

/** The approval step's approver policy, defaults applied. */
export type ApproverPolicy = z.infer<typeof approverPolicySchema>;

/** A recorded decision (ISO-8601 `decidedAt`). */
export const approvalDecisionSchema = z.object({
  outcome: z.enum(['approved', 'rejected']),
  decidedBy: z.string(),
  decidedAt: z.string(),
  channel: z.enum(DECISION_CHANNELS),
  comment: z.string().optional(),
  reason: z.string().optional(),
  /** Set when the run's starter was unknown (started outside Statecraft) at the time of the decision. */
  requesterUnknown: z.literal(true).optional(),
});

/** Who decided what, when, where, and why. */
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** The item in the approvals table (partition key `approvalId`); times are ISO-8601 strings. */
export const approvalRecordSchema = z.object({
  approvalId: z.string(),
  runId: z.string(),
  executionArn: z.string(),
  stateName: z.string(),
  workflow: z.string(),
  approvers: approverPolicySchema,
  message: z.string(),
  input: z.unknown(),
  /** Who started the run, from the run ledger (the verified caller); absent when unknown. */
  requestedBy: z.string().optional(),
  requestedAt: z.string(),
  expiresAt: z.string().optional(),
  status: z.enum(STORED_APPROVAL_STATUSES),
  decision: approvalDecisionSchema.optional(),
  /** Why a cancelled approval was cancelled: the status its run ended with (e.g. `ABORTED`). */
  cancelReason: z.string().optional(),
  cancelledAt: z.string().optional(),
  taskToken: z.string(),
});

/** A stored approval, task token included: never send it to a client or a log. */
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

/** An instant as stored: ISO-8601 in UTC, so string order is time order. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
