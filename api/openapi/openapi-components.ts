/** Reusable OpenAPI 3.1 components: JSON Schemas of the bodies, the problem response, the bearer scheme. */

const string = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const runStatus = { type: 'string', enum: ['RUNNING', 'WAITING_FOR_APPROVAL', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] } as const;

/** `components` of the document. */
export const openApiComponents = {
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Groups come from the cognito:groups claim: viewers read, operators start and stop.' } },
  schemas: {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details (application/problem+json).',
      required: ['type', 'title', 'status', 'code', 'detail'],
      properties: { type: string, title: string, status: { type: 'integer' }, code: string, detail: string, requestId: string },
    },
    WorkflowSummary: { type: 'object', required: ['name', 'description', 'stateMachineArn'], properties: { name: string, description: string, stateMachineArn: string } },
    Workflow: {
      type: 'object',
      required: ['name', 'description', 'inputExample', 'stateMachineArn', 'definition', 'graph'],
      properties: { name: string, description: string, inputExample: {}, stateMachineArn: string, definition: { type: 'object', description: 'Amazon States Language' }, graph: { type: 'object' } },
    },
    StartRunRequest: {
      type: 'object',
      additionalProperties: false,
      properties: { input: { description: 'Execution input (default {}); at most 256 KiB as JSON.' }, runId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' } },
    },
    StartedRun: {
      type: 'object',
      required: ['runId', 'workflow', 'status', 'executionArn', 'startedAt'],
      properties: { runId: string, workflow: string, status: string, executionArn: string, startedAt: dateTime },
    },
    RunSummary: {
      type: 'object',
      required: ['runId', 'workflow', 'executionArn', 'status', 'startedAt'],
      properties: { runId: string, workflow: string, executionArn: string, status: string, startedAt: dateTime, stoppedAt: dateTime },
    },
    Run: {
      type: 'object',
      required: ['runId', 'workflow', 'executionArn', 'status', 'input', 'startedAt', 'currentStates', 'waitingForApproval'],
      properties: {
        runId: string,
        workflow: string,
        executionArn: string,
        status: runStatus,
        input: {},
        output: {},
        error: string,
        cause: string,
        startedAt: dateTime,
        stoppedAt: dateTime,
        currentStates: { type: 'array', items: string },
        waitingForApproval: { type: 'array', items: string },
        pendingApprovals: { type: 'array', items: { $ref: '#/components/schemas/Approval' } },
      },
    },
    ApproverPolicy: {
      type: 'object',
      required: ['users', 'groups'],
      properties: { users: { type: 'array', items: string }, groups: { type: 'array', items: string }, allowRequester: { type: 'boolean' } },
    },
    ApprovalDecision: {
      type: 'object',
      required: ['outcome', 'decidedBy', 'decidedAt', 'channel'],
      properties: { outcome: { type: 'string', enum: ['approved', 'rejected'] }, decidedBy: string, decidedAt: dateTime, channel: string, comment: string, reason: string },
    },
    Approval: {
      type: 'object',
      description: 'A pending or decided approval; the task token is never included.',
      required: ['approvalId', 'runId', 'executionArn', 'stateName', 'workflow', 'approvers', 'message', 'input', 'requestedAt', 'status'],
      properties: {
        approvalId: string,
        runId: string,
        executionArn: string,
        stateName: string,
        workflow: string,
        approvers: { $ref: '#/components/schemas/ApproverPolicy' },
        message: string,
        input: {},
        requestedBy: string,
        requestedAt: dateTime,
        expiresAt: dateTime,
        status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'expired'] },
        decision: { $ref: '#/components/schemas/ApprovalDecision' },
      },
    },
    ApproveRequest: { type: 'object', properties: { comment: { type: 'string', maxLength: 2000 } } },
    RejectRequest: { type: 'object', properties: { reason: { type: 'string', maxLength: 2000 } } },
    HistoryEvent: {
      type: 'object',
      required: ['id', 'type', 'timestamp'],
      properties: { id: { type: 'integer' }, previousEventId: { type: 'integer' }, type: string, timestamp: dateTime, details: { type: 'object', description: 'The …EventDetails of the Step Functions event, without task tokens.' } },
    },
    StopRunRequest: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 32768 } } },
    StoppedRun: { type: 'object', required: ['runId', 'workflow', 'status', 'stoppedAt'], properties: { runId: string, workflow: string, status: string, stoppedAt: dateTime } },
  },
} as const;
