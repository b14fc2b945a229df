import express, { type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { HttpError } from '../../../api/errors';
import { approvalsRouter } from '../../../api/routes/approvals';
import { APPROVAL_TIMEOUT_MS, startApprovalHarness, type ApprovalHarness } from './approval-harness';

/** A stand-in for the real auth middleware: `X-Test-Caller: user:group1,group2`. */
function testApp(harness: ApprovalHarness): express.Express {
  const app = express();
  app.use(express.json());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const header = req.get('x-test-caller');
    if (header) {
      const [user, groups = ''] = header.split(':');
      res.locals.caller = { user, groups: groups.split(',').filter(Boolean) };
    }
    next();
  });
  app.use(approvalsRouter({ store: harness.store, sfn: harness.sfn, accessOf: harness.accessOf, clock: harness.apiClock }));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof HttpError)) return next(error);
    res.status(error.status).type('application/problem+json').send(JSON.stringify(error.toJSON()));
  });
  return app;
}

describe('approvals routes', () => {
  let harness: ApprovalHarness;
  let app: express.Express;
  let runs = 0;
  const nextRunId = () => `r-route${(runs += 1)}`;

  beforeAll(async () => {
    harness = await startApprovalHarness();
    app = testApp(harness);
  });

  afterAll(() => harness.stop());

  it('lists pending approvals and reads one, never showing the task token', async () => {
    const { approval } = await harness.startRun(nextRunId());

    const list = await request(app).get('/api/approvals?status=pending').set('x-test-caller', 'viewer:viewers');
    const one = await request(app).get(`/api/approvals/${approval.approvalId}`).set('x-test-caller', 'viewer:viewers');

    expect(list.status).toBe(200);
    expect(list.body.approvals.map((item: { approvalId: string }) => item.approvalId)).toContain(approval.approvalId);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      approvalId: approval.approvalId,
      status: 'pending',
      message: 'Ship checkout?',
      requestedBy: 'dana',
      stateName: 'Approve release',
    });
    expect(list.text).not.toContain(approval.taskToken);
    expect(one.text).not.toContain(approval.taskToken);
    expect(one.text).not.toContain('taskToken');
  });

  it('approves with a comment, continues the run and then lists the approval as decided', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());

    const approved = await request(app)
      .post(`/api/approvals/${approval.approvalId}/approve`)
      .set('x-test-caller', 'alice')
      .set('x-statecraft-channel', 'console')
      .send({ comment: 'go' });
    const run = await harness.finished(executionArn);
    const decided = await request(app).get('/api/approvals?status=decided').set('x-test-caller', 'alice');

    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'alice', channel: 'console', comment: 'go' },
    });
    expect(approved.text).not.toContain(approval.taskToken);
    expect(JSON.parse(run.output ?? '{}').approval).toStrictEqual({ approved: true, decidedBy: 'alice', comment: 'go' });
    expect(decided.body.approvals.map((item: { approvalId: string }) => item.approvalId)).toContain(approval.approvalId);
  });

  it.each([
    ['a caller who is not an approver', 'mallory:operators', 403, 'approval-not-allowed'],
    ['the requester of the run', 'dana:approvers', 403, 'approval-requester-not-allowed'],
  ])('refuses %s', async (_who, caller, status, code) => {
    const { approval } = await harness.startRun(nextRunId());

    const response = await request(app).post(`/api/approvals/${approval.approvalId}/approve`).set('x-test-caller', caller).send({});

    expect(response.status).toBe(status);
    expect(response.type).toBe('application/problem+json');
    expect(response.body).toMatchObject({ status, code, approvalId: approval.approvalId });
  });

  it('rejects with a reason, then answers a second decision with 409', async () => {
    const { executionArn, approval } = await harness.startRun(nextRunId());

    const rejected = await request(app)
      .post(`/api/approvals/${approval.approvalId}/reject`)
      .set('x-test-caller', 'bob:approvers')
      .send({ reason: 'not today' });
    const again = await request(app).post(`/api/approvals/${approval.approvalId}/approve`).set('x-test-caller', 'alice').send({});
    const run = await harness.finished(executionArn);

    expect(rejected.status).toBe(200);
    expect(rejected.body.decision).toMatchObject({ outcome: 'rejected', decidedBy: 'bob', channel: 'api', reason: 'not today' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('approval-already-decided');
    expect(run.error).toBe('ReleaseRejected');
  });

  it('answers 410 once the approval has expired', async () => {
    const { approval } = await harness.startRun(nextRunId());
    harness.apiClock.skew = APPROVAL_TIMEOUT_MS;

    const response = await request(app).post(`/api/approvals/${approval.approvalId}/approve`).set('x-test-caller', 'alice').send({});
    harness.apiClock.skew = 0;

    expect(response.status).toBe(410);
    expect(response.body.code).toBe('approval-expired');
  });

  it.each([
    ['an unknown id', 'get', '/api/approvals/ap-ffffffff', undefined, 404, 'approval-not-found'],
    ['an unknown id on approve', 'post', '/api/approvals/ap-ffffffff/approve', {}, 404, 'approval-not-found'],
    ['a bad status filter', 'get', '/api/approvals?status=maybe', undefined, 400, 'invalid-query'],
    ['an array-valued status filter', 'get', '/api/approvals?status[]=x', undefined, 400, 'invalid-query'],
    ['an unknown query parameter', 'get', '/api/approvals?mine=1', undefined, 400, 'invalid-query'],
    ['a malformed approval id', 'get', `/api/approvals/${'x'.repeat(3000)}`, undefined, 400, 'invalid-approval-id'],
    ['a comment that is not a string', 'post', '/api/approvals/ap-ffffffff/approve', { comment: 5 }, 400, 'invalid-request'],
  ] as const)('answers %s with %i', async (_case, method, path, body, status, code) => {
    const call = method === 'get' ? request(app).get(path) : request(app).post(path).send(body);

    const response = await call.set('x-test-caller', 'alice');

    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('answers 401 to a decision without a caller', async () => {
    const response = await request(app).post('/api/approvals/ap-ffffffff/approve').send({});

    expect(response.status).toBe(401);
  });
});
