import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import request from 'supertest';
import { deployServiceExample, orderFulfillmentExample } from '../../../workflows/definitions';
import { eventually, startApiStack, type ApiStack } from '../../helpers/api-stack';

let stack: ApiStack;
let viewer: string;
let operator: string;
const bodies: string[] = [];

beforeAll(async () => {
  stack = await startApiStack();
  viewer = await stack.token('vera', ['viewers']);
  operator = await stack.token('otto', ['operators']);
});
afterAll(() => stack.stop());

/** A GET as the viewer, remembering every response body (for the task-token check). */
async function get(path: string) {
  const response = await request(stack.app).get(path).auth(viewer, { type: 'bearer' });
  bodies.push(response.text);
  return response;
}

describe('a deploy-service run waiting for approval', () => {
  it('reports WAITING_FOR_APPROVAL, lists it, pages its history, and never shows the task token', async () => {
    const started = await request(stack.app)
      .post('/api/workflows/deploy-service/runs')
      .auth(operator, { type: 'bearer' })
      .send({ runId: 'dep-1', input: deployServiceExample });
    bodies.push(started.text);

    const run = await eventually(async () => {
      const response = await get('/api/runs/dep-1');
      return response.body.status === 'WAITING_FOR_APPROVAL' ? response.body : undefined;
    });
    const listed = await get('/api/runs?workflow=deploy-service&status=RUNNING');
    const first = await get('/api/runs/dep-1/history?limit=10');
    const second = await get(`/api/runs/dep-1/history?limit=1000&cursor=${encodeURIComponent(first.body.cursor)}`);
    const emulatorHistory = await stack.sfn.send(new GetExecutionHistoryCommand({ executionArn: started.body.executionArn }));
    const scheduled = emulatorHistory.events?.find((event) => event.taskScheduledEventDetails?.resource?.endsWith('waitForTaskToken'));
    const token = (JSON.parse(scheduled?.taskScheduledEventDetails?.parameters ?? '{}') as { Payload?: { taskToken?: string } }).Payload
      ?.taskToken;

    expect(run).toMatchObject({
      runId: 'dep-1',
      workflow: 'deploy-service',
      input: deployServiceExample,
      currentStates: ['Approve production'],
      waitingForApproval: ['Approve production'],
    });
    expect(listed.body.runs).toContainEqual(expect.objectContaining({ runId: 'dep-1', status: 'RUNNING' }));
    expect(first.body.events).toHaveLength(10);
    expect(first.body.events[0]).toMatchObject({ id: 1, type: 'ExecutionStarted', timestamp: expect.stringMatching(/Z$/) });
    expect(second.body.events.some((event: { type: string }) => event.type === 'TaskScheduled')).toBe(true);
    expect(token).toEqual(expect.any(String));
    for (const body of bodies) expect(body).not.toContain(token);
  });

  it('stops the run for an operator, then answers 409 for a second stop', async () => {
    await request(stack.app)
      .post('/api/workflows/deploy-service/runs')
      .auth(operator, { type: 'bearer' })
      .send({ runId: 'dep-2', input: deployServiceExample });

    const forbidden = await request(stack.app).post('/api/runs/dep-2/stop').auth(viewer, { type: 'bearer' }).send({});
    const stopped = await request(stack.app)
      .post('/api/runs/dep-2/stop')
      .auth(operator, { type: 'bearer' })
      .send({ reason: 'wrong version' });
    const again = await request(stack.app).post('/api/runs/dep-2/stop').auth(operator, { type: 'bearer' }).send({});
    const run = await get('/api/runs/dep-2');

    expect(forbidden.status).toBe(403);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ runId: 'dep-2', workflow: 'deploy-service', status: 'ABORTED' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, code: 'run-not-running', runStatus: 'ABORTED' });
    expect(run.body).toMatchObject({ status: 'ABORTED', cause: 'wrong version', currentStates: [] });
  });
});

describe('GET /api/runs', () => {
  it('pages across workflows with a cursor', async () => {
    for (const runId of ['page-a', 'page-b', 'page-c']) {
      await request(stack.app).post('/api/workflows/nightly-report/runs').auth(operator, { type: 'bearer' }).send({ runId });
    }

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await get(`/api/runs?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.runs.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.runs.map((run: { runId: string }) => run.runId));
      cursor = response.body.cursor;
    } while (cursor);

    expect(seen).toEqual(expect.arrayContaining(['page-a', 'page-b', 'page-c']));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    ['an unknown status', '/api/runs?status=DONE', 400, 'invalid-query'],
    ['a limit of 0', '/api/runs?limit=0', 400, 'invalid-query'],
    ['an array-valued status', '/api/runs?status[]=RUNNING', 400, 'invalid-query'],
    ['a finance-only workflow for a viewer', '/api/runs?workflow=refund-request', 404, 'workflow-not-found'],
    ['a made-up cursor', '/api/runs?cursor=abc', 400, 'invalid-cursor'],
    ['an unknown workflow', '/api/runs?workflow=nope', 404, 'workflow-not-found'],
    ['an unknown query field', '/api/runs?foo=1', 400, 'invalid-query'],
  ])('answers a clear 4xx for %s', async (_case, path, status, code) => {
    const response = await get(path);

    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });
});

describe('unknown and malformed run ids', () => {
  it.each([
    ['GET', '/api/runs/missing-run', 404, 'run-not-found'],
    ['GET', '/api/runs/missing-run/history', 404, 'run-not-found'],
    ['POST', '/api/runs/missing-run/stop', 404, 'run-not-found'],
    ['GET', '/api/runs/bad%20id', 400, 'invalid-run-id'],
    ['GET', `/api/runs/${'x'.repeat(81)}/history`, 400, 'invalid-run-id'],
    ['GET', '/api/runs/dep-1/history?cursor=zzz', 400, 'invalid-cursor'],
  ])('%s %s answers %i %s', async (method, path, status, code) => {
    const response = method === 'GET' ? await get(path) : await request(stack.app).post(path).auth(operator, { type: 'bearer' }).send({});

    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });
});

describe('POST /api/runs/:runId/redrive', () => {
  it('redrives a failed run for an operator, refuses a viewer, and refuses a run that has not ended', async () => {
    await request(stack.app)
      .post('/api/workflows/order-fulfillment/runs')
      .auth(operator, { type: 'bearer' })
      .send({ runId: 'ord-redrive', input: { ...orderFulfillmentExample, orderId: 'ORD-REDRIVE', payment: { card: 'declined' } } });
    await eventually(async () => ((await get('/api/runs/ord-redrive')).body.status === 'FAILED' ? true : undefined));

    const byViewer = await request(stack.app).post('/api/runs/ord-redrive/redrive').auth(viewer, { type: 'bearer' }).send({});
    const byOperator = await request(stack.app).post('/api/runs/ord-redrive/redrive').auth(operator, { type: 'bearer' }).send({});
    const stillRunning = await request(stack.app).post('/api/runs/dep-1/redrive').auth(operator, { type: 'bearer' }).send({});

    expect(byViewer.status).toBe(403);
    expect(byOperator.status).toBe(200);
    expect(byOperator.body).toMatchObject({ runId: 'ord-redrive', workflow: 'order-fulfillment', status: 'RUNNING' });
    expect(stillRunning.status).toBe(409);
    expect(stillRunning.body).toMatchObject({ status: 409, code: 'run-not-redrivable', runStatus: 'RUNNING' });
    const redriven = await stack.sfn.send(
      new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:order-fulfillment:ord-redrive' }),
    );
    expect(redriven.redriveCount).toBe(1);
  });
});
