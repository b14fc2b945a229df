/**
 * Schemas (zod) of the `/api/approvals` routes: the requests they validate and the approvals they
 * return. The OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { runIdSchema } from '../runs/run-schemas';
import { APPROVAL_ID } from './approval-id';
import { approvalDecisionSchema, approvalRecordSchema } from './approval-record';
import { APPROVAL_LIST_STATUSES } from './list-approvals';

/** The longest comment or reason a decision records. */
const MAX_TEXT_LENGTH = 2000;

/** The `{id}` of `/api/approvals/{id}`. */
export const approvalIdSchema = z.string().regex(APPROVAL_ID).meta({ description: "The approval id: 'ap-' and 8 hex digits" });

/** GET /api/approvals */
export const listApprovalsQuery = z.strictObject({ status: z.enum(APPROVAL_LIST_STATUSES).optional(), runId: runIdSchema.optional() });

/** POST /api/approvals/{id}/approve */
export const approveBody = z.strictObject({ comment: z.string().max(MAX_TEXT_LENGTH).optional() });

/** POST /api/approvals/{id}/reject */
export const rejectBody = z.strictObject({ reason: z.string().max(MAX_TEXT_LENGTH).optional() });

/** A recorded decision. */
export const approvalDecisionResponse = approvalDecisionSchema.extend({
  decidedAt: z.iso.datetime(),
  requesterUnknown: approvalDecisionSchema.shape.requesterUnknown.meta({
    description: "The run's starter was unknown when it was decided",
  }),
});

/** An approval as clients see it (public-approval.ts): the stored record without its task token. */
export const approvalResponse = approvalRecordSchema
  .omit({ taskToken: true })
  .extend({
    mayDecide: z
      .boolean()
      .optional()
      .meta({ description: 'Whether the caller may decide it now (pending, an approver, not the requester)' }),
    requestedBy: z.string().optional().meta({ description: 'Who started the run, from the run ledger (never from the input)' }),
    requesterKnown: z.boolean().meta({ description: 'False for a run started outside Statecraft: four-eyes cannot be checked' }),
    requestedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().optional(),
    decision: approvalDecisionResponse.optional(),
    cancelReason: z.string().optional().meta({ description: 'The status the run ended with while the approval waited' }),
    cancelledAt: z.iso.datetime().optional(),
  })
  .meta({ description: 'A pending or decided approval; the task token is never included.' });

/** GET /api/approvals */
export const approvalListResponse = z.object({ approvals: z.array(approvalResponse) });
