/**
 * Every deployed function as AWS runs it: bundled once by bundleFunctions into a directory outside
 * the repo (shared with the other files of the run that need the bundles) (so nothing resolves from the source tree or node_modules), each invocation a fresh Node
 * process that requires `index.js` and calls `handler(event, context)`, configured only by its
 * environment and pointed at the embedded stack (dynalite, the Step Functions emulator with the
 * catalogue deployed, a stand-in of API Gateway's connection management API) on loopback.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetExecutionHistoryCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ApprovalRecord } from '../../api/approvals/approval-record';
import { ApprovalStore } from '../../api/approvals/approval-store';
import { signLocalToken } from '../../api/auth/sign-local-token';
import { ConnectionStore, connectionsTableSpec } from '../../api/live/aws/connection-store';
import { toStatusChangeEvent } from '../../api/live/status-change-event';
import { ensureTable } from '../../api/storage/ensure-table';
import { chatSessionsTableSpec } from '../../bot/dialog/chat-session-store';
import { identityAttributes } from '../../bot/dialog/verified-caller';
import { PRODUCT_FUNCTIONS } from '../../infra/bundle/deployed-functions';
import { deployServiceExample, orderFulfillmentExample, taskFunctions } from '../../workflows/definitions';
import { priceOrder } from '../../workflows/definitions/handlers/order-fulfillment';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';
import { authorizerEvent, CONNECT_METHOD_ARN, connectEvent, passedOn } from '../api/live/aws/api-gateway-events';
import { eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { invokeBundle, type BundleOutcome } from '../helpers/bundle-process';
import { startConnectionsApiStandIn, type ConnectionsApiStandIn } from '../helpers/connections-api-stand-in';
import { lexEvent } from '../helpers/lex-event';
import { sharedBundles } from '../helpers/shared-bundles';

jest.setTimeout(60_000);

const HTTP_API_EVENT = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/events/http-api-v2.json'), 'utf8')) as Record<
  string,
  unknown
> & { headers: Record<string, string>; requestContext: Record<string, unknown> & { http: Record<string, unknown> } };
/** Nothing listens here: the API builds a Lex client at cold start but these requests never chat. */
const UNUSED_LEX_ENDPOINT = 'http://127.0.0.1:9';

const dana = { user: 'dana', groups: ['operators'] };
const rhea = { user: 'rhea', groups: ['release-managers'] };

let bundleDirs: Map<string, string>;
let stack: ApiStack;
let standIn: ConnectionsApiStandIn;
let dynamodb: DynamoDBClient;
let approvals: ApprovalStore;
let connections: ConnectionStore;
let bundled: string[];

beforeAll(async () => {
  const [functions, started, stage] = await Promise.all([sharedBundles(), startApiStack(), startConnectionsApiStandIn({ stage: 'prod' })]);
  bundled = functions.map((fn) => fn.name);
  bundleDirs = new Map(functions.map((fn) => [fn.name, fn.dir]));
  [stack, standIn] = [started, stage];
  dynamodb = new DynamoDBClient({
    endpoint: stack.config.dynamodbEndpoint,
    region: stack.config.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(dynamodb, connectionsTableSpec(stack.config.tables.connections));
  await ensureTable(dynamodb, chatSessionsTableSpec(stack.config.tables.chatSessions));
  approvals = new ApprovalStore(dynamodb, stack.config.tables.approvals);
  connections = new ConnectionStore(dynamodb, stack.config.tables.connections);
});

afterAll(async () => {
  dynamodb?.destroy();
  await standIn?.stop();
  await stack?.stop();
});

/** The environment the deploy gives every function, pointing at the local stack. */
function functionEnv(): Record<string, string> {
  const { config } = stack;
  return {
    AWS_REGION: config.region,
    STATECRAFT_ACCOUNT_ID: config.accountId,
    SFN_ENDPOINT: config.sfnEndpoint ?? '',
    DYNAMODB_ENDPOINT: config.dynamodbEndpoint ?? '',
    LEX_ENDPOINT: UNUSED_LEX_ENDPOINT,
    STATECRAFT_DATA_DIR: config.dataDir,
    AUTH_MODE: 'local',
    APPROVALS_TABLE: config.tables.approvals,
    RUNS_TABLE: config.tables.runs,
    CHAT_SESSIONS_TABLE: config.tables.chatSessions,
    CONNECTIONS_TABLE: config.tables.connections,
    STATE_MACHINE_PREFIX: config.stateMachinePrefix,
    WEBSOCKET_CALLBACK_URL: standIn.endpoint,
  };
}

/** Invokes the bundle of function `name` with `event`. */
const invoke = (name: string, event: unknown): Promise<BundleOutcome> => invokeBundle(bundleDirs.get(name) ?? name, event, functionEnv());

/** The handler's result, failing the test when it threw. */
async function resultOf(name: string, event: unknown): Promise<unknown> {
  const outcome = await invoke(name, event);
  if (outcome.functionError) throw new Error(`${name} failed: ${JSON.stringify(outcome.payload)}`);
  return outcome.payload;
}

type HttpResponse = { statusCode: number; headers: Record<string, string>; body: Record<string, unknown> };

/** One API request through the api bundle, as an HTTP API (payload v2) event built on the fixture. */
async function api(
  method: string,
  rawPath: string,
  { caller, body }: { caller?: { user: string; groups: string[] }; body?: unknown } = {},
): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...HTTP_API_EVENT.headers, 'x-request-id': `bundle-${randomBytes(4).toString('hex')}` };
  if (caller) headers.authorization = `Bearer ${await stack.token(caller.user, caller.groups)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const event = {
    ...HTTP_API_EVENT,
    rawPath,
    headers,
    requestContext: { ...HTTP_API_EVENT.requestContext, http: { ...HTTP_API_EVENT.requestContext.http, method, path: rawPath } },
    ...(body === undefined ? {} : { body: JSON.stringify(body), isBase64Encoded: false }),
  };
  const response = (await resultOf(PRODUCT_FUNCTIONS.api, event)) as {
    statusCode: number;
    headers?: Record<string, string>;
    body?: string;
  };
  return {
    statusCode: response.statusCode,
    headers: response.headers ?? {},
    body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
  };
}

/** The Payload Step Functions handed the Lambda task of `functionName` in the run, read from its TaskScheduled event. */
function scheduledPayload(executionArn: string, functionName: string): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const { events = [] } = await stack.sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
      for (const event of events) {
        const parameters = event.taskScheduledEventDetails?.parameters;
        if (parameters === undefined) continue;
        const { FunctionName, Payload } = JSON.parse(parameters) as { FunctionName?: string; Payload?: Record<string, unknown> };
        if (FunctionName?.endsWith(`:function:${functionName}`) && Payload) return Payload;
      }
      return undefined;
    },
    { timeout: 20_000 },
  );
}

/** What `run` throws, as Lambda reports a handler's error; undefined when it returns. */
async function lambdaErrorOf(run: () => unknown): Promise<{ errorType: string; errorMessage: string } | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof Error
      ? { errorType: error.name, errorMessage: error.message }
      : { errorType: typeof error, errorMessage: String(error) };
  }
}

/** Starts a deploy-service run through the api bundle as dana (canary baked for 0 s) and returns its execution ARN. */
async function startDeployRun(runId: string): Promise<{ response: HttpResponse; executionArn: string }> {
  const input = { ...deployServiceExample, rollout: { ...deployServiceExample.rollout, bakeSeconds: 0 } };
  const response = await api('POST', '/api/workflows/deploy-service/runs', { caller: dana, body: { runId, input } });
  if (response.statusCode !== 201) throw new Error(`start failed: ${response.statusCode} ${JSON.stringify(response.body)}`);
  return { response, executionArn: String(response.body.executionArn) };
}

/** Polls the run through the api bundle until its status is `status`. */
const runReaching = (runId: string, status: string) =>
  eventually(
    async () => {
      const { body } = await api('GET', `/api/runs/${runId}`, { caller: dana });
      return body.status === status ? body : undefined;
    },
    { timeout: 20_000 },
  );

it('bundles every product function and one function per task handler', () => {
  expect([...bundled].sort()).toStrictEqual([...Object.values(PRODUCT_FUNCTIONS), ...taskFunctions.map((fn) => fn.name)].sort());
});

describe('the api bundle behind an HTTP API', () => {
  it('answers GET /api/health without a token', async () => {
    const response = await api('GET', '/api/health');

    expect(response.statusCode).toBe(200);
    expect(response.body).toStrictEqual({ status: 'ok' });
  });

  it('refuses a request without a token with 401 problem+json', async () => {
    const response = await api('GET', '/api/workflows');

    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('missing-token');
  });

  it("starts a run, shows it waiting for approval, and resumes it on a release manager's approval", async () => {
    const { response: started, executionArn } = await startDeployRun('r-bundle-api');
    const { approvalId } = (await resultOf(APPROVAL_REQUEST_FUNCTION, await scheduledPayload(executionArn, APPROVAL_REQUEST_FUNCTION))) as {
      approvalId: string;
    };

    const waiting = await runReaching('r-bundle-api', 'WAITING_FOR_APPROVAL');
    const approved = await api('POST', `/api/approvals/${approvalId}/approve`, { caller: rhea, body: { comment: 'staging looks good' } });
    const finished = await runReaching('r-bundle-api', 'SUCCEEDED');

    expect(started.body).toMatchObject({
      runId: 'r-bundle-api',
      workflow: 'deploy-service',
      status: 'RUNNING',
      startedBy: 'dana',
      channel: 'api',
    });
    expect(started.headers.location).toBe('/api/runs/r-bundle-api');
    expect(waiting).toMatchObject({
      waitingForApproval: ['Approve production'],
      startedBy: 'dana',
      pendingApprovals: [{ approvalId, stateName: 'Approve production', status: 'pending' }],
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.body).toMatchObject({
      approvalId,
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'rhea', comment: 'staging looks good', channel: 'api' },
    });
    expect(finished.output).toMatchObject({
      service: 'checkout-api',
      version: '2.14.0',
      summary: expect.stringMatching(/^checkout-api 2\.14\.0 is live at /),
    });
  });
});

describe('a task handler bundle', () => {
  type PriceInput = Parameters<typeof priceOrder.handler>[0];
  let payload: PriceInput;

  beforeAll(async () => {
    const stateMachineArn = `arn:aws:states:${stack.config.region}:${stack.config.accountId}:stateMachine:order-fulfillment`;
    const { executionArn = '' } = await stack.sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'r-bundle-order', input: JSON.stringify(orderFulfillmentExample) }),
    );
    payload = (await scheduledPayload(executionArn, priceOrder.name)) as unknown as PriceInput;
  });

  it('returns what the handler returns in-process, for the payload Step Functions built', async () => {
    const expected = await priceOrder.handler(payload, { remainingTimeMs: () => 30_000 });

    const outcome = await invoke(priceOrder.name, payload);

    expect(outcome).toStrictEqual({ payload: expected });
    expect(expected).toMatchObject({ currency: 'EUR', itemCount: 3 });
  });

  it("reports a thrown error under its name, Lambda's errorType, so Retry and Catch match it", async () => {
    const invalid: PriceInput = { ...payload, items: [] };
    const inProcess = await lambdaErrorOf(() => priceOrder.handler(invalid, {}));

    const outcome = await invoke(priceOrder.name, invalid);

    expect(inProcess).toStrictEqual({ errorType: 'InvalidOrder', errorMessage: 'order ORD-10042 is invalid: it has no lines' });
    expect(outcome).toStrictEqual({ functionError: 'Unhandled', payload: inProcess });
  });
});

describe('the approval-request bundle', () => {
  it('stores the pending approval from the .waitForTaskToken payload, the requester taken from the run ledger', async () => {
    const { executionArn } = await startDeployRun('r-bundle-approval');
    const payload = await scheduledPayload(executionArn, APPROVAL_REQUEST_FUNCTION);

    const first = (await resultOf(APPROVAL_REQUEST_FUNCTION, payload)) as { approvalId: string };
    const redelivered = await resultOf(APPROVAL_REQUEST_FUNCTION, payload);

    expect(first.approvalId).toMatch(/^ap-[0-9a-f]{8}$/);
    expect(redelivered).toStrictEqual(first);
    const stored = await approvals.get(first.approvalId);
    expect(stored).toMatchObject({
      runId: 'r-bundle-approval',
      executionArn,
      workflow: 'deploy-service',
      stateName: 'Approve production',
      approvers: { users: [], groups: ['release-managers'], allowRequester: false },
      message: 'Deploy checkout-api 2.14.0 (9f3c2ab) to production? Requested by dana.kim@example.com; staging passed.',
      requestedBy: 'dana',
      status: 'pending',
      taskToken: payload.taskToken,
    });
    expect(Date.parse(stored?.expiresAt ?? '') - Date.parse(stored?.requestedAt ?? '')).toBe(24 * 3600 * 1000);
    expect(await approvals.list({ runId: 'r-bundle-approval' })).toHaveLength(1);
  });

  it('fails a malformed payload with a TypeError that names the fields, never the token', async () => {
    const outcome = await invoke(APPROVAL_REQUEST_FUNCTION, {
      taskToken: 'secret-token-value',
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:deploy-service:r-x',
    });

    expect(outcome.functionError).toBe('Unhandled');
    expect(outcome.payload).toMatchObject({
      errorType: 'TypeError',
      errorMessage: expect.stringMatching(/^approval-request got an invalid payload \(.*stateName.*\)$/),
    });
    expect(JSON.stringify(outcome.payload)).not.toContain('secret-token-value');
  });
});

describe('the chat-dialog bundle', () => {
  it('fulfils ListWorkflows with the workflows the verified caller may read', async () => {
    const fiona = { user: 'fiona', groups: ['viewers', 'finance'] };
    const token = await stack.token(fiona.user, fiona.groups);

    const response = (await resultOf(
      PRODUCT_FUNCTIONS.dialog,
      lexEvent({ intent: 'ListWorkflows', source: 'FulfillmentCodeHook', requestAttributes: identityAttributes(fiona, token) }),
    )) as {
      sessionState: unknown;
      messages: { contentType: string; content: string }[];
    };

    expect(response.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { name: 'ListWorkflows', state: 'Fulfilled' } });
    const lines = response.messages[0].content.split('\n');
    expect(lines[0]).toBe('You can see 6 workflows:');
    expect(lines).toContain(
      '• refund-request: Checks a refund request against the order stored in the orders table and refunds the original charge.',
    );
  });

  it('refuses a turn whose token another key signed', async () => {
    const mallory = { user: 'mallory', groups: ['admins'] };
    const forged = await signLocalToken(mallory, randomBytes(32));

    const response = (await resultOf(
      PRODUCT_FUNCTIONS.dialog,
      lexEvent({ intent: 'ListWorkflows', source: 'FulfillmentCodeHook', requestAttributes: identityAttributes(mallory, forged) }),
    )) as {
      sessionState: unknown;
      messages: { content: string }[];
    };

    expect(response.sessionState).toMatchObject({ dialogAction: { type: 'Close' }, intent: { name: 'ListWorkflows', state: 'Failed' } });
    expect(response.messages.map((message) => message.content)).toStrictEqual(["I can't tell who you are: sign in again."]);
  });
});

describe('the live-events bundles', () => {
  it('live-authorizer allows the connecting route for a token in the query string and passes the caller on', async () => {
    const token = await stack.token('ada', ['viewers', 'operators'], '1h');

    const result = await resultOf(PRODUCT_FUNCTIONS.liveAuthorizer, authorizerEvent({ token }));

    expect(result).toStrictEqual({
      principalId: 'ada',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: CONNECT_METHOD_ARN }],
      },
      context: { user: 'ada', groups: '["viewers","operators"]', expiresAt: expect.any(Number) },
    });
  });

  it.each([
    ['a token another key signed', async () => ({ token: await signLocalToken({ user: 'ada', groups: ['admins'] }, randomBytes(32)) })],
    ['no token', async () => null],
  ])('live-authorizer fails with Unauthorized (API Gateway answers 401) for %s', async (_case, query) => {
    const outcome = await invoke(PRODUCT_FUNCTIONS.liveAuthorizer, authorizerEvent(await query()));

    expect(outcome).toStrictEqual({ functionError: 'Unhandled', payload: { errorType: 'Error', errorMessage: 'Unauthorized' } });
  });

  it("live-routes accepts $connect with the authorizer's context and stores the connection", async () => {
    const connectionId = 'YnVuZGxlLWNvbm5lY3Q=';
    const token = await stack.token('ada', ['viewers']);
    const authorized = (await resultOf(PRODUCT_FUNCTIONS.liveAuthorizer, authorizerEvent({ token }, connectionId))) as Parameters<
      typeof passedOn
    >[0];

    const response = await resultOf(PRODUCT_FUNCTIONS.liveRoutes, connectEvent(connectionId, passedOn(authorized), { token }));

    expect(response).toStrictEqual({ statusCode: 200 });
    expect(await connections.get(connectionId)).toMatchObject({
      connectionId,
      user: 'ada',
      groups: ['viewers'],
      topics: [],
      expiresAt: authorized.context.expiresAt,
    });
  });

  it("live-status-change posts a run's status change to its subscriber and cancels the ended run's pending approval", async () => {
    const { region, accountId, stateMachinePrefix } = stack.config;
    const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachinePrefix}deploy-service`;
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:r-bundle-live`;
    const connectionId = 'YnVuZGxlLWxpdmU=';
    await connections.put(
      connectionId,
      { user: 'ada', groups: ['viewers'], expiresAt: Math.floor(Date.now() / 1000) + 3600 },
      new Date().toISOString(),
    );
    await connections.subscribe(connectionId, { kind: 'run', runId: 'r-bundle-live' });
    standIn.open(connectionId);
    const pending: ApprovalRecord = {
      approvalId: 'ap-0b0d1e5e',
      runId: 'r-bundle-live',
      executionArn,
      stateName: 'Approve production',
      workflow: 'deploy-service',
      approvers: { users: [], groups: ['release-managers'], allowRequester: false },
      message: 'Deploy checkout-api 2.14.0 to production?',
      input: {},
      requestedBy: 'dana',
      requestedAt: new Date().toISOString(),
      status: 'pending',
      taskToken: 'live-task-token-never-sent',
    };
    await approvals.put(pending);
    const startedAt = Date.now() - 60_000;
    const change = toStatusChangeEvent({
      arn: executionArn,
      stateMachineArn,
      name: 'r-bundle-live',
      status: 'ABORTED',
      input: '{}',
      startedAt,
      stoppedAt: startedAt + 30_000,
    });

    const outcome = await resultOf(PRODUCT_FUNCTIONS.liveStatus, change);

    expect(outcome).toStrictEqual({
      workflow: 'deploy-service',
      runId: 'r-bundle-live',
      events: ['run.aborted', 'approval.cancelled'],
      cancelledApprovals: ['ap-0b0d1e5e'],
      delivery: { sent: 2, gone: 0, expired: 0, failed: 0 },
    });
    expect(standIn.received(connectionId)).toMatchObject([
      {
        type: 'run.aborted',
        runId: 'r-bundle-live',
        workflow: 'deploy-service',
        seq: startedAt + 30_000,
        data: { status: 'ABORTED', executionArn },
      },
      {
        type: 'approval.cancelled',
        runId: 'r-bundle-live',
        workflow: 'deploy-service',
        data: { approvalId: 'ap-0b0d1e5e', status: 'cancelled' },
      },
    ]);
    expect(JSON.stringify(standIn.received(connectionId))).not.toContain('live-task-token-never-sent');
    expect(await approvals.get('ap-0b0d1e5e')).toMatchObject({ status: 'cancelled', cancelReason: 'ABORTED' });
  });
});
