/** The OpenAPI 3.1 description of the API (`GET /api/openapi.json`); a test keeps it in step with the routes. */
import { APPROVAL_LIST_STATUSES } from '../approvals/list-approvals';
import { RUN_STATUSES } from '../runs/run-schemas';
import { openApiComponents } from './openapi-components';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [String(status), problem(ERROR_TEXT[status] ?? 'Error')]));
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
const runIdParam = { name: 'runId', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' } };
const approvalIdParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^ap-[0-9a-f]{8}$' } };
const decide = (outcome: 'approve' | 'reject', body: string) => ({
  post: {
    operationId: `${outcome}Approval`,
    summary: `${outcome === 'approve' ? 'Approve' : 'Reject'} a pending approval (only an approver its policy names)`,
    parameters: [approvalIdParam],
    requestBody: { required: false, ...json(ref(body)) },
    responses: { '200': { description: 'Decided', ...json(ref('Approval')) }, ...errors(400, 401, 403, 404, 409, 410, 415) },
  },
});
const nameParam = { name: 'name', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, schema: object) => ({ name, in: 'query', required: false, schema });
const publicOp = { security: [] };

/** The document (static: the catalogue is listed by `GET /api/workflows`). */
export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Statecraft API', version: '0.1.0', description: 'Start, watch and stop workflow runs on AWS Step Functions, and decide their approvals. Live events: the WebSocket at /ws, described in api/openapi/live-events.md.' },
  security: [{ bearer: [] }],
  paths: {
    '/api/health': { get: { ...publicOp, operationId: 'getHealth', summary: 'Liveness', responses: { '200': { description: 'Up', ...json({ type: 'object', properties: { status: { const: 'ok' } } }) } } } },
    '/api/openapi.json': { get: { ...publicOp, operationId: 'getOpenApi', summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
    '/api/workflows': {
      get: {
        operationId: 'listWorkflows',
        summary: 'The catalogue',
        responses: { '200': { description: 'Workflows', ...json({ type: 'object', properties: { workflows: { type: 'array', items: ref('WorkflowSummary') } } }) }, ...errors(401, 403) },
      },
    },
    '/api/workflows/{name}': {
      get: { operationId: 'getWorkflow', summary: 'Description, input example, ASL and graph', parameters: [nameParam], responses: { '200': { description: 'The workflow', ...json(ref('Workflow')) }, ...errors(401, 403, 404) } },
    },
    '/api/workflows/{name}/source': {
      get: {
        operationId: 'getWorkflowSource',
        summary: "The workflow's DSL source file (404 source-unavailable where the deployment ships none)",
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'The source', ...json({ type: 'object', properties: { workflow: { type: 'string' }, file: { type: 'string' }, text: { type: 'string' } } }) }, ...errors(401, 404) },
      },
    },
    '/api/workflows/{name}/runs': {
      post: {
        operationId: 'startRun',
        summary: 'Start a run; the same runId and input again returns the existing run',
        parameters: [nameParam],
        requestBody: { required: false, ...json(ref('StartRunRequest')) },
        responses: { '201': { description: 'Started', ...json(ref('StartedRun')) }, '200': { description: 'Already started with this input', ...json(ref('StartedRun')) }, ...errors(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    '/api/runs': {
      get: {
        operationId: 'listRuns',
        summary: 'Runs across the catalogue, newest first per workflow',
        description: 'A running run parked on an approval reads WAITING_FOR_APPROVAL (and is not listed under RUNNING). A page may hold fewer than `limit` runs: follow `cursor` while there is one.',
        parameters: [
          query('workflow', { type: 'string' }),
          query('status', { type: 'string', enum: [...RUN_STATUSES] }),
          query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
          query('cursor', { type: 'string' }),
        ],
        responses: { '200': { description: 'A page of runs', ...json({ type: 'object', properties: { runs: { type: 'array', items: ref('RunSummary') }, cursor: { type: 'string' } } }) }, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/runs/{runId}': {
      get: { operationId: 'getRun', summary: 'Status, data and current states', parameters: [runIdParam], responses: { '200': { description: 'The run', ...json(ref('Run')) }, ...errors(400, 401, 403, 404) } },
    },
    '/api/runs/{runId}/history': {
      get: {
        operationId: 'getRunHistory',
        summary: 'History events, oldest first (task tokens removed)',
        parameters: [runIdParam, query('limit', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }), query('cursor', { type: 'string' })],
        responses: { '200': { description: 'A page of events', ...json({ type: 'object', properties: { events: { type: 'array', items: ref('HistoryEvent') }, cursor: { type: 'string' } } }) }, ...errors(400, 401, 403, 404) },
      },
    },
    '/api/runs/{runId}/stop': {
      post: {
        operationId: 'stopRun',
        summary: 'Stop a running run',
        parameters: [runIdParam],
        requestBody: { required: false, ...json(ref('StopRunRequest')) },
        responses: { '200': { description: 'Stopped', ...json(ref('StoppedRun')) }, ...errors(400, 401, 403, 404, 409, 415) },
      },
    },
    '/api/runs/{runId}/redrive': {
      post: {
        operationId: 'redriveRun',
        summary: 'Redrive a failed, timed-out or stopped run from where it ended (needs the right to start its workflow)',
        parameters: [runIdParam],
        requestBody: { required: false, ...json({ type: 'object', additionalProperties: false }) },
        responses: {
          '200': { description: 'Redriven', ...json({ type: 'object', properties: { runId: { type: 'string' }, workflow: { type: 'string' }, status: { const: 'RUNNING' }, redrivenAt: { type: 'string', format: 'date-time' } } }) },
          ...errors(400, 401, 403, 404, 409, 415),
        },
      },
    },
    '/api/approvals': {
      get: {
        operationId: 'listApprovals',
        summary: 'Approvals the caller may see, newest first',
        parameters: [query('status', { type: 'string', enum: [...APPROVAL_LIST_STATUSES] }), query('runId', { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' })],
        responses: { '200': { description: 'Approvals', ...json({ type: 'object', properties: { approvals: { type: 'array', items: ref('Approval') } } }) }, ...errors(400, 401, 403) },
      },
    },
    '/api/approvals/{id}': {
      get: { operationId: 'getApproval', summary: 'One approval', parameters: [approvalIdParam], responses: { '200': { description: 'The approval', ...json(ref('Approval')) }, ...errors(401, 403, 404) } },
    },
    '/api/approvals/{id}/approve': decide('approve', 'ApproveRequest'),
    '/api/approvals/{id}/reject': decide('reject', 'RejectRequest'),
    '/api/chat': {
      post: {
        operationId: 'chat',
        summary: 'One chat turn with the bot (Amazon Lex V2 RecognizeText as the verified caller)',
        description:
          'The bot starts (after confirmation), checks, stops and approves runs under the same access rule as every other route. The Lex session is derived from the caller and the conversation id, so a conversation id never reaches another user\'s conversation. `messages`, `sessionState` and `interpretations` are exactly what RecognizeText returns.',
        requestBody: { required: true, ...json(ref('ChatRequest')) },
        responses: { '200': { description: 'The bot\'s answer', ...json(ref('ChatTurn')) }, ...errors(400, 401, 415, 429, 502, 503) },
      },
    },
  },
  components: openApiComponents,
} as const;
