/**
 * The embedded stack end to end over real HTTP: deploy-service started through the API, its
 * approval found, refused to a viewer, approved by a release manager, refused again (409), the
 * task token never in a response, and a pending approval surviving a restart on the same data dir.
 */
import * as fs from 'node:fs';
import { approvalTokenOf } from '../../helpers/approval-token';
import * as os from 'node:os';
import * as path from 'node:path';
import { devToken } from '../../../cli/local/dev-token';
import { startDevStack, type DevStack } from '../../../cli/local/start-dev-stack';
import type { Logger } from '../../../workflows/engine';
import { eventually } from '../../helpers/api-stack';

jest.setTimeout(120_000);

/** Every line the stack logs, at every level (the task token must never be among them). */
const logLines: string[] = [];
const record = (level: string) => (message: string, data?: Record<string, unknown>) =>
  void logLines.push(`${level} ${message} ${JSON.stringify(data ?? {})}`);
const recording: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
const input = {
  service: 'checkout-api',
  version: '2.15.0',
  commit: 'abc1234',
  requestedBy: 'dana',
  rollout: { canaryPercent: 10, bakeSeconds: 1 },
  failTests: [],
};

type Reply = { status: number; text: string; body: Record<string, unknown> };

let dataDir: string;
let stack: DevStack | undefined;

const start = async () => {
  stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: recording });
  return stack;
};

async function call(method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${stack?.apiUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The task token the engine handed the approval task, from its own history. */
function taskToken(executionArn: string): Promise<string> {
  return approvalTokenOf((stack as DevStack).engine.sfn, executionArn);
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-dev-'));
});
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('statecraft dev stack', () => {
  it('runs deploy-service through a secure approval to success over the REST API, never showing the task token', async () => {
    await start();
    const operator = await devToken(dataDir, { user: 'olivia', groups: ['operators'] });
    const viewer = await devToken(dataDir, { user: 'victor', groups: ['viewers'] });
    const approver = await devToken(dataDir, { user: 'rita', groups: ['release-managers'] });
    const replies: Reply[] = [];
    const record = (reply: Reply) => (replies.push(reply), reply);

    const started = record(await call('POST', '/api/workflows/deploy-service/runs', operator, { input }));
    const runId = String(started.body.runId);
    const waiting = await eventually(
      async () => {
        const run = record(await call('GET', `/api/runs/${runId}`, viewer));
        return run.body.status === 'WAITING_FOR_APPROVAL' &&
          Array.isArray(run.body.pendingApprovals) &&
          run.body.pendingApprovals.length === 1
          ? run
          : undefined;
      },
      { timeout: 30_000 },
    );
    const listed = record(await call('GET', '/api/approvals?status=pending', approver));
    const approval = (listed.body.approvals as { approvalId: string; runId: string }[]).find((candidate) => candidate.runId === runId);
    const approvalId = String(approval?.approvalId);
    const byViewer = record(await call('POST', `/api/approvals/${approvalId}/approve`, viewer, { comment: 'me too' }));
    const approved = record(await call('POST', `/api/approvals/${approvalId}/approve`, approver, { comment: 'ship it' }));
    const finished = await eventually(
      async () => {
        const run = record(await call('GET', `/api/runs/${runId}`, viewer));
        return run.body.status === 'SUCCEEDED' || run.body.status === 'FAILED' ? run : undefined;
      },
      { timeout: 30_000 },
    );
    const again = record(await call('POST', `/api/approvals/${approvalId}/approve`, approver, {}));
    const token = await taskToken(String(waiting.body.executionArn));

    expect(started.status).toBe(201);
    expect(byViewer.status).toBe(403);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decision: { decidedBy: 'rita', comment: 'ship it' } });
    expect(finished.body.status).toBe('SUCCEEDED');
    expect(finished.body.pendingApprovals).toStrictEqual([]);
    expect(again.status).toBe(409);
    expect(token.length).toBeGreaterThan(10);
    for (const reply of replies) expect(reply.text).not.toContain(token);
    expect(logLines.some((line) => line.includes('request') && line.includes('SendTaskSuccess'))).toBe(true);
    for (const line of logLines) expect(line).not.toContain(token);
  });

  it('lists runs waiting for approval apart from running ones, and drops a run stopped while it waited', async () => {
    await start();
    const operator = await devToken(dataDir, { user: 'olivia', groups: ['operators'] });
    const runIds: string[] = [];
    for (let i = 0; i < 3; i++)
      runIds.push(String((await call('POST', '/api/workflows/deploy-service/runs', operator, { input })).body.runId));
    const waitingIds = async (): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          'GET',
          `/api/runs?workflow=deploy-service&status=WAITING_FOR_APPROVAL&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          operator,
        );
        expect(page.status).toBe(200);
        ids.push(
          ...(page.body.runs as { runId: string; status: string }[]).map(
            (run) => (expect(run.status).toBe('WAITING_FOR_APPROVAL'), run.runId),
          ),
        );
        cursor = page.body.cursor as string | undefined;
      } while (cursor);
      return ids;
    };
    let ids: string[] = [];
    await eventually(async () => ((ids = await waitingIds()), runIds.every((id) => ids.includes(id)) ? true : undefined), {
      timeout: 30_000,
    });
    const running = await call('GET', '/api/runs?workflow=deploy-service&status=RUNNING', operator);
    const all = await call('GET', '/api/runs?workflow=deploy-service', operator);

    const stopped = await call('POST', `/api/runs/${runIds[0]}/stop`, operator, { reason: 'not today' });
    const afterStop = await waitingIds();

    expect(ids.filter((id) => runIds.includes(id)).sort()).toStrictEqual([...runIds].sort());
    expect((running.body.runs as { runId: string }[]).map((run) => run.runId)).not.toEqual(expect.arrayContaining([runIds[0]]));
    expect(all.body.runs).toEqual(
      expect.arrayContaining(runIds.map((runId) => expect.objectContaining({ runId, status: 'WAITING_FOR_APPROVAL' }))),
    );
    expect(stopped.status).toBe(200);
    expect(afterStop).not.toContain(runIds[0]);
    expect(afterStop).toEqual(expect.arrayContaining(runIds.slice(1)));
  });

  it('keeps a pending approval across a restart on the same data dir, still decidable', async () => {
    await start();
    const operator = await devToken(dataDir, { user: 'olivia', groups: ['operators'] });
    const approver = await devToken(dataDir, { user: 'rita', groups: ['release-managers'] });
    const started = await call('POST', '/api/workflows/deploy-service/runs', operator, { input });
    const runId = String(started.body.runId);
    const approvalId = await eventually(
      async () => {
        const list = await call('GET', '/api/approvals?status=pending', approver);
        return (list.body.approvals as { approvalId: string; runId: string }[]).find((candidate) => candidate.runId === runId)?.approvalId;
      },
      { timeout: 30_000 },
    );

    await stack?.stop();
    await start();
    const after = await call('GET', `/api/approvals/${approvalId}`, approver);
    const approved = await call('POST', `/api/approvals/${approvalId}/approve`, approver, {});
    const finished = await eventually(
      async () => {
        const run = await call('GET', `/api/runs/${runId}`, operator);
        return run.body.status === 'SUCCEEDED' || run.body.status === 'FAILED' ? run : undefined;
      },
      { timeout: 30_000 },
    );

    expect(after.status).toBe(200);
    expect(after.body.status).toBe('pending');
    expect(approved.status).toBe(200);
    expect(finished.body.status).toBe('SUCCEEDED');
  });
});
