/**
 * `components` of the OpenAPI document: the bodies as JSON Schemas generated from the zod schemas
 * the routes validate with (requests) and describe their answers with (responses), the problem
 * response, and the bearer scheme.
 */
import { z } from 'zod';
import { approvalDecisionResponse, approvalListResponse, approvalResponse, approveBody, rejectBody } from '../approvals/approval-schemas';
import { approverPolicySchema } from '../approvals/approval-record';
import { chatBody, chatTurnResponse } from '../routes/chat-schemas';
import { workflowListResponse, workflowResponse, workflowSourceResponse, workflowSummaryResponse } from '../routes/workflow-schemas';
import {
  historyEventResponse,
  historyPageResponse,
  redrivenRunResponse,
  runPageResponse,
  runResponse,
  runSummaryResponse,
  startedRunResponse,
  stoppedRunResponse,
} from '../runs/run-response-schemas';
import { redriveRunBody, startRunBody, stopRunBody } from '../runs/run-schemas';
import { componentRef, openApiSchemasOf } from './openapi-schema-of';

/** RFC 9457 problem details, as HttpError.toJSON and the error handler write them. */
const problemResponse = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string().optional(),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json); extension members (errors, runId, …) carry the context.' });

/** Request bodies, by component name: read as the routes parse them. */
const REQUEST_SCHEMAS = {
  StartRunRequest: startRunBody,
  StopRunRequest: stopRunBody,
  RedriveRunRequest: redriveRunBody,
  ApproveRequest: approveBody,
  RejectRequest: rejectBody,
  ChatRequest: chatBody,
};

/** Response bodies, by component name: read as the routes write them. */
const RESPONSE_SCHEMAS = {
  Problem: problemResponse,
  Health: z.object({ status: z.literal('ok') }),
  WorkflowSummary: workflowSummaryResponse,
  WorkflowList: workflowListResponse,
  Workflow: workflowResponse,
  WorkflowSource: workflowSourceResponse,
  StartedRun: startedRunResponse,
  RunSummary: runSummaryResponse,
  RunPage: runPageResponse,
  Run: runResponse,
  HistoryEvent: historyEventResponse,
  HistoryPage: historyPageResponse,
  StoppedRun: stoppedRunResponse,
  RedrivenRun: redrivenRunResponse,
  ApproverPolicy: approverPolicySchema,
  ApprovalDecision: approvalDecisionResponse,
  Approval: approvalResponse,
  ApprovalList: approvalListResponse,
  ChatTurn: chatTurnResponse,
};

/** The name of a schema in `components.schemas`. */
export type SchemaName = keyof typeof REQUEST_SCHEMAS | keyof typeof RESPONSE_SCHEMAS;

/** `{ $ref }` to a named schema. */
export const schemaRef = (name: SchemaName) => componentRef(name);

/** `components` of the document. */
export const openApiComponents = {
  securitySchemes: {
    bearer: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        "Identity from the verified token: cognito:username and cognito:groups. Without a workflow access declaration viewers, operators, approvers and admins read; operators and admins start and stop; the approvers an approval step names decide it, never the run's starter. Tokens must carry exp and live at most 24 h.",
    },
  },
  schemas: { ...openApiSchemasOf(REQUEST_SCHEMAS, 'input'), ...openApiSchemasOf(RESPONSE_SCHEMAS, 'output') },
};
