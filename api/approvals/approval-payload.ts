/** The approval task's payload, as workflows/dsl/build/approval-fields.ts compiles it, parsed at the boundary. */
import { z } from 'zod';
import { approverPolicySchema } from './approval-record';

/** `{ taskToken, executionArn, stateName, workflow, approvers, message, input, timeoutSeconds? }`. */
export const approvalPayloadSchema = z.object({
  taskToken: z.string().min(1),
  executionArn: z.string().min(1),
  stateName: z.string().min(1),
  workflow: z.string().min(1),
  approvers: approverPolicySchema,
  message: z.string(),
  input: z.unknown(),
  timeoutSeconds: z.number().int().positive().optional(),
});

/** A parsed approval payload. */
export type ApprovalPayload = z.infer<typeof approvalPayloadSchema>;
