/**
 * The OpenAPI 3.1 description of the API (`GET /api/openapi.json`). Parameters and bodies are
 * generated from the zod schemas the routes validate with; operations, summaries and the error
 * table are written here. A test keeps it in step with the routes.
 */
import { approvalIdSchema, listApprovalsQuery } from '../approvals/approval-schemas';
import { historyQuery, listRunsQuery, runIdSchema, workflowNameSchema } from '../runs/run-schemas';
import { openApiComponents, schemaRef, type SchemaName } from './openapi-components';
import { pathParameter, queryParameters } from './openapi-parameters';

const json = (name: SchemaName) => ({ content: { 'application/json': { schema: schemaRef(name) } } });
const reply = (description: string, name: SchemaName) => ({ description, ...json(name) });
const body = (name: SchemaName, required = false) => ({ required, ...json(name) });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: schemaRef('Problem') } } });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), problem(ERROR_TEXT[status] ?? 'Error')]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (malformed or too deeply nested JSON, bad run or approval id, invalid field, unknown or repeated query parameter)',
  401: 'Missing, invalid or expired bearer token',
  403: 'The caller may read this but not do this (the detail says which group it needs, or why four-eyes refuses)',
  404: 'Unknown workflow, run or approval, or one the caller may not read',
  409: 'Conflict with the run (or approval) as it is: already decided, cancelled because its run ended, run not running',
  410: 'The approval expired before it was decided',
  413: 'Body or input larger than 256 KiB',
  415: 'A body that is not application/json',
  429: 'The chatbot is throttled; try again shortly',
  502: 'The chatbot (Lex) answered with an error',
  503: 'The chatbot (Lex runtime) is not reachable',
};
const runId = pathParameter('runId', runIdSchema);
const approvalId = pathParameter('id', approvalIdSchema);
const workflowName = pathParameter('name', workflowNameSchema);
const decide = (outcome: 'approve' | 'reject', request: SchemaName) => ({
  post: {
    operationId: `${outcome}Approval`,
    summary: `${outcome === 'approve' ? 'Approve' : 'Reject'} a pending approval (only an approver its policy names)`,
    parameters: [approvalId],
    requestBody: body(request),
    responses: { '200': reply('Decided', 'Approval'), ...errors(400, 401, 403, 404, 409, 410, 415) },
  },
});
const publicOp = { security: [] };

/** The document (static: the catalogue is listed by `GET /api/workflows`). */
export const openApiDocument = {
  openapi: '3.1.0',
  // zod writes plain JSON Schema 2020-12 (no OpenAPI vocabulary), so the document says so once.
  jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
  info: {
    title: 'Statecraft API',
    version: '0.1.0',
    description:
      'Start, watch and stop workflow runs on AWS Step Functions, and decide their approvals. Live events: the WebSocket at /ws, described in api/openapi/live-events.md.',
  },
  security: [{ bearer: [] }],
  paths: {
    '/api/health': { get: { ...publicOp, operationId: 'getHealth', summary: 'Liveness', responses: { '200': reply('Up', 'Health') } } },
    '/api/openapi.json': {
      get: {
        ...publicOp,
        operationId: 'getOpenApi',
        summary: 'This document',
        responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/workflows': {
      get: {
        operationId: 'listWorkflows',
        summary: 'The catalogue',
        responses: { '200': reply('Workflows', 'WorkflowList'), ...errors(400, 401, 403) },
      },
    },
    '/api/workflows/{name}': {
      get: {
        operationId: 'getWorkflow',
        summary: 'Description, input example, ASL and graph',
        parameters: [workflowName],
        responses: { '200': reply('The workflow', 'Workflow'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/workflows/{name}/source': {
      get: {
        operationId: 'getWorkflowSource',
        summary: "The workflow's DSL source file (404 source-unavailable where the deployment ships none)",
        parameters: [workflowName],
        responses: { '200': reply('The source', 'WorkflowSource'), ...errors(400, 401, 404) },
      },
    },
    '/api/workflows/{name}/runs': {
      post: {
        operationId: 'startRun',
        summary: 'Start a run; the same runId and input again returns the existing run',
        parameters: [workflowName],
        requestBody: body('StartRunRequest'),
        responses: {
          '201': reply('Started', 'StartedRun'),
          '200': reply('Already started with this input', 'StartedRun'),
          ...errors(400, 401, 403, 404, 409, 413, 415),
        },
      },
    },
    '/api/runs': {
      get: {
        operationId: 'listRuns',
        summary: 'Runs across the catalogue, newest first per workflow',
        description:
          'A running run parked on an approval reads WAITING_FOR_APPROVAL (and is not listed under RUNNING). A page may hold fewer than `limit` runs: follow `cursor` while there is one.',
        parameters: queryParameters(listRunsQuery),
        responses: { '200': reply('A page of runs', 'RunPage'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/runs/{runId}': {
      get: {
        operationId: 'getRun',
        summary: 'Status, data and current states',
        parameters: [runId],
        responses: { '200': reply('The run', 'Run'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/runs/{runId}/history': {
      get: {
        operationId: 'getRunHistory',
        summary: 'History events, oldest first (task tokens removed)',
        parameters: [runId, ...queryParameters(historyQuery)],
        responses: { '200': reply('A page of events', 'HistoryPage'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/runs/{runId}/stop': {
      post: {
        operationId: 'stopRun',
        summary: 'Stop a running run',
        parameters: [runId],
        requestBody: body('StopRunRequest'),
        responses: { '200': reply('Stopped', 'StoppedRun'), ...errors(400, 401, 403, 404, 409, 415) },
      },
    },
    '/api/runs/{runId}/redrive': {
      post: {
        operationId: 'redriveRun',
        summary: 'Redrive a failed, timed-out or stopped run from where it ended (needs the right to start its workflow)',
        parameters: [runId],
        requestBody: body('RedriveRunRequest'),
        responses: { '200': reply('Redriven', 'RedrivenRun'), ...errors(400, 401, 403, 404, 409, 415) },
      },
    },
    '/api/approvals': {
      get: {
        operationId: 'listApprovals',
        summary: 'Approvals the caller may see, newest first',
        parameters: queryParameters(listApprovalsQuery),
        responses: { '200': reply('Approvals', 'ApprovalList'), ...errors(400, 401, 403) },
      },
    },
    '/api/approvals/{id}': {
      get: {
        operationId: 'getApproval',
        summary: 'One approval',
        parameters: [approvalId],
        responses: { '200': reply('The approval', 'Approval'), ...errors(400, 401, 403, 404) },
      },
    },
    '/api/approvals/{id}/approve': decide('approve', 'ApproveRequest'),
    '/api/approvals/{id}/reject': decide('reject', 'RejectRequest'),
    '/api/chat': {
      post: {
        operationId: 'chat',
        summary: 'One chat turn with the bot (Amazon Lex V2 RecognizeText as the verified caller)',
        description:
          "The bot starts (after confirmation), checks, stops and approves runs under the same access rule as every other route. The Lex session is derived from the caller and the conversation id, so a conversation id never reaches another user's conversation. `messages`, `sessionState` and `interpretations` are exactly what RecognizeText returns.",
        requestBody: body('ChatRequest', true),
        responses: { '200': reply("The bot's answer", 'ChatTurn'), ...errors(400, 401, 415, 429, 502, 503) },
      },
    },
  },
  components: openApiComponents,
};
