/** Response schemas (zod) of the catalogue routes, for the OpenAPI document; a test checks real responses against them. */
import { z } from 'zod';
import { approverPolicySchema } from '../approvals/approval-record';

/** One workflow of `GET /api/workflows`. */
export const workflowSummaryResponse = z.object({
  name: z.string(),
  description: z.string(),
  stateMachineArn: z.string(),
  mayStart: z.boolean().meta({ description: 'Whether the caller may start runs of it' }),
});

/** GET /api/workflows */
export const workflowListResponse = z.object({ workflows: z.array(workflowSummaryResponse) });

/** GET /api/workflows/{name} */
export const workflowResponse = workflowSummaryResponse.extend({
  inputExample: z.unknown(),
  definition: z.looseObject({}).meta({ description: 'Amazon States Language' }),
  graph: z.looseObject({}).meta({ description: 'States and edges, as the console draws them' }),
  approvalSteps: z
    .array(z.object({ stateName: z.string(), approvers: approverPolicySchema }))
    .meta({ description: 'The approval steps and who decides each' }),
});

/** GET /api/workflows/{name}/source */
export const workflowSourceResponse = z.object({
  workflow: z.string(),
  file: z.string().meta({ description: 'Relative to the repository' }),
  text: z.string(),
});
