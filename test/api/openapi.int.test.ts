import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import request from 'supertest';
import type { Express } from 'express';
import { APPROVAL_ID } from '../../api/approvals/approval-id';
import type { ApprovalRecord } from '../../api/approvals/approval-record';
import { ApprovalStore } from '../../api/approvals/approval-store';
import { openApiDocument } from '../../api/openapi/openapi-document';
import { RUN_ID } from '../../api/runs/run-schemas';
import { deployServiceExample, orderFulfillmentExample } from '../../workflows/definitions';
import { eventually, startApiStack, type ApiStack } from '../helpers/api-stack';
import { openApi31, operationAt, schemaCompiler, type Method, type OpenApiDocument } from './openapi/openapi-checks';

let stack: ApiStack;
let dynamodb: DynamoDBClient;
let document: OpenApiDocument;
let compile: ReturnType<typeof schemaCompiler>;

beforeAll(async () => {
  stack = await startApiStack();
  dynamodb = new DynamoDBClient({
    endpoint: stack.config.dynamodbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  document = openApi31.parse(openApiDocument);
  compile = schemaCompiler(document);
});
afterAll(async () => {
  dynamodb.destroy();
  await stack.stop();
});

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/** `METHOD /path/{param}` for every route registered on the app, nested routers included. */
function expressRoutes(app: Express): string[] {
  const walk = (layers: readonly Layer[]): string[] =>
    layers.flatMap((layer) => {
      if (layer.route) {
        const path = layer.route.path.replace(/:([A-Za-z]+)/g, '{$1}');
        return Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${path}`);
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

/** What is wrong with `response` as an answer of `method path` by the document: an unlisted status, another media type, a body off its schema. */
function undocumented(method: Method, path: string, response: request.Response): string[] {
  const listed = operationAt(document, method, path).responses[String(response.status)];
  if (!listed) return [`status ${response.status} is not listed`];
  const schema = listed.content?.[response.type]?.schema;
  if (!schema) return [`${response.type} is not listed for ${response.status}`];
  const validate = compile(schema);
  return validate(response.body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`);
}

describe('GET /api/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without a token', async () => {
    const response = await request(stack.app).get('/api/openapi.json');

    expect(response.status).toBe(200);
    expect((response.body as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('describes exactly the routes the app serves', () => {
    const documented = Object.entries(openApiDocument.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );

    const served = expressRoutes(stack.app);

    expect([...served].sort()).toStrictEqual([...documented].sort());
  });
});

describe('path parameters in the document', () => {
  const codeOf = (answer: request.Response) => (answer.body as { code?: string }).code;
  const matches = (pattern: unknown, value: string) => new RegExp(String(pattern), 'u').test(value);

  it('refuses exactly the run ids the runs routes answer 400 invalid-run-id for', async () => {
    const viewer = await stack.token('vera', ['viewers']);
    const pattern = operationAt(document, 'get', '/api/runs/{runId}').parameters?.find((parameter) => parameter.name === 'runId')?.schema
      .pattern;
    const samples = ['r-1', 'A_b-9', 'x'.repeat(80), 'x'.repeat(81), 'bad id', 'r.1', 'ü', 'r-1\n'];

    const answers = await Promise.all(
      samples.map((runId) =>
        request(stack.app)
          .get(`/api/runs/${encodeURIComponent(runId)}`)
          .auth(viewer, { type: 'bearer' }),
      ),
    );

    expect(pattern).toBe(RUN_ID.source);
    expect(answers.map((answer, index) => [samples[index], codeOf(answer) === 'invalid-run-id'])).toStrictEqual(
      samples.map((runId) => [runId, !matches(pattern, runId)]),
    );
  });

  it('refuses exactly the approval ids the approvals routes answer 400 invalid-approval-id for', async () => {
    const viewer = await stack.token('vera', ['viewers']);
    const pattern = operationAt(document, 'get', '/api/approvals/{id}').parameters?.find((parameter) => parameter.name === 'id')?.schema
      .pattern;
    const samples = ['ap-1f2e3d4c', 'ap-00000000', 'ap-1F2E3D4C', 'ap-1f2e3d4', 'ap-1f2e3d4c0', 'x', 'ap-1f2e3d4g'];

    const answers = await Promise.all(
      samples.map((id) =>
        request(stack.app)
          .get(`/api/approvals/${encodeURIComponent(id)}`)
          .auth(viewer, { type: 'bearer' }),
      ),
    );

    expect(pattern).toBe(APPROVAL_ID.source);
    expect(answers.map((answer, index) => [samples[index], codeOf(answer) === 'invalid-approval-id'])).toStrictEqual(
      samples.map((id) => [id, !matches(pattern, id)]),
    );
  });
});

describe('responses in the document', () => {
  it('lists the status, media type and body schema of every answer the app gives', async () => {
    const [viewer, operator, approver] = await Promise.all([
      stack.token('vera', ['viewers']),
      stack.token('otto', ['operators']),
      stack.token('rita', ['release-managers']),
    ]);
    const as = (token: string) => ({
      get: (path: string) => request(stack.app).get(path).auth(token, { type: 'bearer' }),
      post: (path: string, body: object = {}) => request(stack.app).post(path).auth(token, { type: 'bearer' }).send(body),
    });
    const started = await as(operator).post('/api/workflows/deploy-service/runs', { runId: 'doc-1', input: deployServiceExample });
    const now = new Date().toISOString();
    const record = {
      runId: 'doc-1',
      executionArn: String((started.body as { executionArn: string }).executionArn),
      stateName: 'Approve production',
      workflow: 'deploy-service',
      approvers: { users: [], groups: ['release-managers'], allowRequester: false },
      message: 'Ship?',
      input: { service: 'checkout' },
      requestedBy: 'otto',
      requestedAt: now,
      taskToken: 'not-a-real-token',
    };
    const store = new ApprovalStore(dynamodb);
    await store.put({
      ...record,
      approvalId: 'ap-0000000a',
      status: 'pending',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    } satisfies ApprovalRecord);
    await store.put({
      ...record,
      approvalId: 'ap-0000000b',
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'rita', decidedAt: now, channel: 'console', comment: 'ok' },
    } satisfies ApprovalRecord);
    await eventually(async () =>
      ((await as(viewer).get('/api/runs/doc-1')).body as { pendingApprovals?: unknown[] }).pendingApprovals?.length === 1
        ? true
        : undefined,
    );
    const calls: Array<[Method, string, number, () => request.Test, string[]?]> = [
      ['get', '/api/health', 200, () => request(stack.app).get('/api/health')],
      ['get', '/api/workflows', 200, () => as(viewer).get('/api/workflows')],
      ['get', '/api/workflows', 400, () => as(viewer).get('/api/workflows?page=2')],
      ['get', '/api/workflows/{name}', 200, () => as(viewer).get('/api/workflows/deploy-service')],
      ['get', '/api/workflows/{name}', 404, () => as(viewer).get('/api/workflows/nope')],
      ['get', '/api/workflows/{name}/source', 200, () => as(viewer).get('/api/workflows/deploy-service/source')],
      [
        'post',
        '/api/workflows/{name}/runs',
        201,
        () => as(operator).post('/api/workflows/order-fulfillment/runs', { runId: 'doc-2', input: orderFulfillmentExample }),
      ],
      [
        'post',
        '/api/workflows/{name}/runs',
        200,
        () => as(operator).post('/api/workflows/order-fulfillment/runs', { runId: 'doc-2', input: orderFulfillmentExample }),
      ],
      [
        'post',
        '/api/workflows/{name}/runs',
        409,
        () => as(operator).post('/api/workflows/order-fulfillment/runs', { runId: 'doc-2', input: {} }),
      ],
      ['post', '/api/workflows/{name}/runs', 400, () => as(operator).post('/api/workflows/order-fulfillment/runs', { runId: 'bad id' })],
      ['post', '/api/workflows/{name}/runs', 403, () => as(viewer).post('/api/workflows/order-fulfillment/runs')],
      [
        'post',
        '/api/workflows/{name}/runs',
        415,
        () => as(operator).post('/api/workflows/order-fulfillment/runs').type('text/plain').send('hello'),
      ],
      ['get', '/api/runs', 200, () => as(viewer).get('/api/runs?limit=1')],
      ['get', '/api/runs', 400, () => as(viewer).get('/api/runs?limit=0')],
      ['get', '/api/runs', 401, () => request(stack.app).get('/api/runs')],
      ['get', '/api/runs/{runId}', 200, () => as(viewer).get('/api/runs/doc-1')],
      ['get', '/api/runs/{runId}', 404, () => as(viewer).get('/api/runs/doc-0')],
      ['get', '/api/runs/{runId}/history', 200, () => as(viewer).get('/api/runs/doc-1/history?limit=3')],
      ['get', '/api/approvals', 200, () => as(viewer).get('/api/approvals')],
      ['get', '/api/approvals/{id}', 200, () => as(viewer).get('/api/approvals/ap-0000000b')],
      ['post', '/api/approvals/{id}/approve', 409, () => as(approver).post('/api/approvals/ap-0000000b/approve', { comment: 'again' })],
      ['post', '/api/approvals/{id}/reject', 404, () => as(approver).post('/api/approvals/ap-ffffffff/reject')],
      ['post', '/api/runs/{runId}/stop', 403, () => as(viewer).post('/api/runs/doc-1/stop')],
      ['post', '/api/runs/{runId}/stop', 200, () => as(operator).post('/api/runs/doc-1/stop', { reason: 'documented' })],
      ['post', '/api/runs/{runId}/stop', 409, () => as(operator).post('/api/runs/doc-1/stop')],
      ['post', '/api/runs/{runId}/redrive', 400, () => as(operator).post('/api/runs/doc-1/redrive', { force: true })],
      ['post', '/api/runs/{runId}/redrive', 200, () => as(operator).post('/api/runs/doc-1/redrive')],
      ['post', '/api/chat', 400, () => as(viewer).post('/api/chat', { text: ' ' })],
    ];

    const answers: Array<{ call: string; status: number; problems: string[] }> = [];
    for (const [method, path, , send] of calls) {
      const response = await send();
      answers.push({ call: `${method.toUpperCase()} ${path}`, status: response.status, problems: undocumented(method, path, response) });
    }

    expect(started.status).toBe(201);
    expect(answers).toStrictEqual(
      calls.map(([method, path, status, , problems = []]) => ({ call: `${method.toUpperCase()} ${path}`, status, problems })),
    );
  });
});
