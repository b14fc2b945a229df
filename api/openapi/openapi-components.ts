/** Reusable OpenAPI 3.1 components: JSON Schemas of the bodies, the problem response, the bearer scheme. */

const string = { type: 'string' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const channel = { type: 'string', enum: ['api', 'console', 'chat', 'cli'] } as const;
const runStatus = { type: 'string', enum: ['RUNNING', 'WAITING_FOR_APPROVAL', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'] } as const;

/** `components` of the document. */
export const openApiComponents = {
  securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Identity from the verified token: cognito:username and cognito:groups. Without a workflow access declaration viewers, operators, approvers and admins read; operators and admins start and stop; the approvers an approval step names decide it, never the run\'s starter. Tokens must carry exp and live at most 24 h.' } },
  schemas: {
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details (application/problem+json).',
      required: ['type', 'title', 'status', 'code', 'detail'],
      properties: { type: string, title: string, status: { type: 'integer' }, code: string, detail: string, requestId: string },
    },
    WorkflowSummary: {
      type: 'object',
      required: ['name', 'description', 'stateMachineArn', 'mayStart'],
      properties: { name: string, description: string, stateMachineArn: string, mayStart: { type: 'boolean', description: 'Whether the caller may start runs of it' } },
    },
    Workflow: {
      type: 'object',
      required: ['name', 'description', 'inputExample', 'stateMachineArn', 'definition', 'graph', 'approvalSteps', 'mayStart'],
      properties: {
        name: string,
        description: string,
        inputExample: {},
        stateMachineArn: string,
        definition: { type: 'object', description: 'Amazon States Language' },
        graph: { type: 'object' },
        approvalSteps: { type: 'array', description: 'The approval steps and who decides each', items: { type: 'object', properties: { stateName: string, approvers: { type: 'object' } } } },
        mayStart: { type: 'boolean' },
      },
    },
    StartRunRequest: {
      type: 'object',
      additionalProperties: false,
      properties: { input: { description: 'Execution input (default {}); at most 256 KiB as JSON.' }, runId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' } },
    },
    StartedRun: {
      type: 'object',
      required: ['runId', 'workflow', 'status', 'executionArn', 'startedAt', 'startedBy', 'channel'],
      properties: { runId: string, workflow: string, status: string, executionArn: string, startedAt: dateTime, startedBy: string, channel: channel },
    },
    RunSummary: {
      type: 'object',
      required: ['runId', 'workflow', 'executionArn', 'status', 'startedAt'],
      properties: { runId: string, workflow: string, executionArn: string, status: string, startedAt: dateTime, stoppedAt: dateTime },
    },
    Run: {
      type: 'object',
      required: ['runId', 'workflow', 'executionArn', 'status', 'input', 'startedAt', 'currentStates', 'waitingForApproval', 'startedBy', 'channel'],
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
        startedBy: { type: ['string', 'null'], description: 'Who started the run (the run ledger); null for a run started outside Statecraft' },
        channel: { anyOf: [channel, { type: 'null' }] },
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
      properties: { outcome: { type: 'string', enum: ['approved', 'rejected'] }, decidedBy: string, decidedAt: dateTime, channel: string, comment: string, reason: string, requesterUnknown: { const: true, description: 'The run\'s starter was unknown when it was decided' } },
    },
    Approval: {
      type: 'object',
      description: 'A pending or decided approval; the task token is never included.',
      required: ['approvalId', 'runId', 'executionArn', 'stateName', 'workflow', 'approvers', 'message', 'input', 'requesterKnown', 'requestedAt', 'status'],
      properties: {
        mayDecide: { type: 'boolean', description: 'Whether the caller may decide it now (pending, an approver, not the requester)' },
        approvalId: string,
        runId: string,
        executionArn: string,
        stateName: string,
        workflow: string,
        approvers: { $ref: '#/components/schemas/ApproverPolicy' },
        message: string,
        input: {},
        requestedBy: { type: 'string', description: 'Who started the run, from the run ledger (never from the input)' },
        requesterKnown: { type: 'boolean', description: 'False for a run started outside Statecraft: four-eyes cannot be checked' },
        requestedAt: dateTime,
        expiresAt: dateTime,
        status: { type: 'string', enum: ['pending', 'approved', 'rejected', 'expired', 'cancelled'] },
        decision: { $ref: '#/components/schemas/ApprovalDecision' },
        cancelReason: { type: 'string', description: 'The status the run ended with while the approval waited' },
        cancelledAt: dateTime,
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
    ChatRequest: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 1024, description: 'What the user says (a button\'s value when they pick one).' },
        conversationId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$', description: 'Continue this conversation; omit to start one (the answer names it).' },
      },
    },
    ChatTurn: {
      type: 'object',
      required: ['conversationId', 'messages', 'sessionState', 'interpretations'],
      properties: {
        conversationId: string,
        messages: { type: 'array', description: 'Lex messages: PlainText, and ImageResponseCard whose buttons\' values are what to send back.', items: { type: 'object' } },
        sessionState: { type: 'object', description: 'Lex SessionState: intent (name, slots, state, confirmationState), dialogAction (type, slotToElicit), sessionAttributes.' },
        interpretations: { type: 'array', description: 'Lex interpretations, best first, with nluConfidence.score.', items: { type: 'object' } },
      },
    },
    StoppedRun: { type: 'object', required: ['runId', 'workflow', 'status', 'stoppedAt'], properties: { runId: string, workflow: string, status: string, stoppedAt: dateTime } },
  },
} as const;
