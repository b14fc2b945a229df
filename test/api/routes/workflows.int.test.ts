// The module object itself (an `import * as` copy would not see the spy).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a require binding, so a test can replace randomBytes
import crypto = require('node:crypto');
import request from 'supertest';
import { deployServiceExample } from '../../../workflows/definitions';
import { startApiStack, type ApiStack } from '../../helpers/api-stack';

let stack: ApiStack;
let viewer: string;
let operator: string;

beforeAll(async () => {
  stack = await startApiStack();
  viewer = await stack.token('vera', ['viewers']);
  operator = await stack.token('otto', ['operators']);
});
afterAll(() => stack.stop());

describe('GET /api/health', () => {
  it('answers without a token', async () => {
    const response = await request(stack.app).get('/api/health');

    expect(response.status).toBe(200);
    expect(response.body).toStrictEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toMatch(/.+/);
  });
});

describe('GET /api/workflows', () => {
  it('lists the workflows a viewer may read: all but finance-only refund-request, none startable', async () => {
    const response = await request(stack.app).get('/api/workflows').auth(viewer, { type: 'bearer' });

    expect(response.status).toBe(200);
    expect(response.body.workflows.map((workflow: { name: string }) => workflow.name)).toStrictEqual([
      'order-fulfillment',
      'deploy-service',
      'nightly-report',
      'onboard-customer',
      'data-backfill',
    ]);
    expect(response.body.workflows.every((workflow: { mayStart: boolean }) => !workflow.mayStart)).toBe(true);
  });

  it('lists all six workflows to a finance member who also operates', async () => {
    const financeOperator = await stack.token('fiona', ['finance', 'operators']);

    const response = await request(stack.app).get('/api/workflows').auth(financeOperator, { type: 'bearer' });

    expect(response.body.workflows.map((workflow: { name: string }) => workflow.name)).toContain('refund-request');
    expect(response.body.workflows).toHaveLength(6);
    expect(response.body.workflows.every((workflow: { mayStart: boolean }) => workflow.mayStart)).toBe(true);
  });

  it('answers 404 for a workflow the caller may not read, as for one that does not exist', async () => {
    const response = await request(stack.app).get('/api/workflows/refund-request').auth(viewer, { type: 'bearer' });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('workflow-not-found');
  });

  it('describes one workflow with its input example, ASL and graph', async () => {
    const response = await request(stack.app).get('/api/workflows/deploy-service').auth(viewer, { type: 'bearer' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'deploy-service', inputExample: deployServiceExample });
    expect(response.body.definition.StartAt).toEqual(expect.any(String));
    expect(response.body.graph.nodes.length).toBeGreaterThan(2);
  });

  it('answers 404 workflow-not-found for an unknown workflow', async () => {
    const response = await request(stack.app).get('/api/workflows/nope').auth(viewer, { type: 'bearer' });

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'workflow-not-found' });
  });
});

describe('POST /api/workflows/{name}/runs', () => {
  const start = (name: string) => request(stack.app).post(`/api/workflows/${name}/runs`).auth(operator, { type: 'bearer' });

  it('starts a run with a generated r- id and input {} by default', async () => {
    const response = await start('nightly-report').send({});

    expect(response.status).toBe(201);
    expect(response.body).toStrictEqual({
      runId: expect.stringMatching(/^r-[0-9a-f]{6}$/),
      workflow: 'nightly-report',
      status: 'RUNNING',
      executionArn: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:nightly-report:r-[0-9a-f]{6}$/),
      startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      startedBy: 'otto',
      channel: 'api',
    });
  });

  it('records the verified caller as the starter, whatever the input or the body claims', async () => {
    const response = await start('nightly-report').send({ input: { requestedBy: 'mallory', startedBy: 'mallory' } });
    const run = await request(stack.app).get(`/api/runs/${response.body.runId}`).auth(operator, { type: 'bearer' });

    expect(response.body.startedBy).toBe('otto');
    expect(run.body).toMatchObject({ startedBy: 'otto', channel: 'api' });
  });

  it('never hands out a generated id that a run of any workflow already has', async () => {
    const taken = await start('deploy-service').send({ runId: 'r-0000aa', input: deployServiceExample });
    // The next two 3-byte draws (run ids; other callers draw other sizes) hit the taken id, then a free one.
    const queued = [Buffer.from('0000aa', 'hex'), Buffer.from('0000bb', 'hex')];
    const original = crypto.randomBytes;
    const draws = jest
      .spyOn(crypto, 'randomBytes')
      .mockImplementation((size: number) => (size === 3 && queued.length ? queued.shift() : original(size)));

    const response = await start('nightly-report').send({});
    draws.mockRestore();

    expect(taken.status).toBe(201);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ runId: 'r-0000bb', workflow: 'nightly-report' });
  });

  it('is idempotent for the same runId and input, and 409 for another input', async () => {
    const first = await start('deploy-service').send({ runId: 'idem-1', input: deployServiceExample });
    const again = await start('deploy-service').send({ runId: 'idem-1', input: deployServiceExample });
    const other = await start('deploy-service').send({ runId: 'idem-1', input: { ...deployServiceExample, version: '9.9.9' } });
    const elsewhere = await start('nightly-report').send({ runId: 'idem-1', input: deployServiceExample });

    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toStrictEqual(first.body);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('run-already-exists');
    expect(elsewhere.status).toBe(409);
  });

  it.each([
    ['a run id with a space', { runId: 'bad id' }, 'validation-failed', 'runId'],
    ['a run id of 81 characters', { runId: 'x'.repeat(81) }, 'validation-failed', 'runId'],
    ['an unknown field', { runID: 'x' }, 'validation-failed', ''],
  ])('answers 400 for %s', async (_case, body, code, field) => {
    const response = await start('nightly-report').send(body);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe(code);
    expect(response.body.detail).toContain(field);
  });

  it('answers 400 malformed-json for a broken body', async () => {
    const response = await start('nightly-report').set('Content-Type', 'application/json').send('{"input": ');

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('malformed-json');
  });

  it('answers 413 for a body over 256 KiB', async () => {
    const response = await start('nightly-report').send({ input: { blob: 'x'.repeat(256 * 1024) } });

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload-too-large');
  });

  it('answers 404 for an unknown workflow and 403 for a viewer', async () => {
    const unknown = await start('nope').send({});
    const forbidden = await request(stack.app).post('/api/workflows/nightly-report/runs').auth(viewer, { type: 'bearer' }).send({});

    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('workflow-not-found');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
  });
});

describe('GET /api/workflows/:name/source', () => {
  it('returns the DSL file a workflow is declared in, and hides a finance-only one from a viewer', async () => {
    const source = await request(stack.app).get('/api/workflows/deploy-service/source').auth(viewer, { type: 'bearer' });
    const hidden = await request(stack.app).get('/api/workflows/refund-request/source').auth(viewer, { type: 'bearer' });

    expect(source.status).toBe(200);
    expect(source.body.file).toBe('workflows/definitions/deploy-service.ts');
    expect(source.body.text).toContain('export const deployService = workflow(');
    expect(hidden.status).toBe(404);
  });
});
