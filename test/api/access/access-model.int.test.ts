/**
 * The access model end to end on the real `statecraft dev` stack (dynalite, the durable engine,
 * the API over HTTP, the live socket over `ws`), tried as an attacker would: four-eyes rests on the
 * run ledger, not the input; a finance-only workflow is invisible outside finance on every way in;
 * a socket authorizes every event; approvals end with their runs; the ledger survives kill -9.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WebSocket } from 'ws';
import { devToken } from '../../../cli/local/dev-token';
import { startDevStack, type DevStack } from '../../../cli/local/start-dev-stack';
import { onboardCustomerExample, refundRequestExample } from '../../../workflows/definitions';
import { silentLogger } from '../../../workflows/engine';
import { eventually } from '../../helpers/api-stack';

jest.setTimeout(120_000);

type Reply = { status: number; body: Record<string, unknown> & { code?: string } };
type LiveMessage = { type: string; workflow?: string; runId?: string; data?: Record<string, unknown>; code?: string };

/** The live event that ends a run's events. */
const CLOSING_TYPES = ['run.succeeded', 'run.failed', 'run.timed_out', 'run.aborted'];

let dataDir: string;
let stack: DevStack;

async function call(method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${stack.apiUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Reply['body']) : {} };
}

const token = (user: string, groups: readonly string[], ttl?: string) => devToken(dataDir, { user, groups, ...(ttl ? { ttl } : {}) });

/** A large refund (above the EUR 500 approval threshold) of the sample order with EUR 1249 left. */
const refund = (refundId: string, requestedBy: string) => ({
  ...refundRequestExample,
  refundId,
  orderId: 'ORD-20077',
  amount: 600,
  requestedBy,
});

/** Starts a run and waits until its approval is pending; returns the run and approval ids. */
async function startAndAwaitApproval(workflow: string, starter: string, input: unknown): Promise<{ runId: string; approvalId: string }> {
  const started = await call('POST', `/api/workflows/${workflow}/runs`, starter, { input });
  expect(started.status).toBe(201);
  const runId = String(started.body.runId);
  const approval = await eventually(
    async () => {
      const run = await call('GET', `/api/runs/${runId}`, starter);
      const pending = run.body.pendingApprovals as { approvalId: string }[] | undefined;
      return pending?.[0];
    },
    { timeout: 30_000 },
  );
  return { runId, approvalId: approval.approvalId };
}

/** A live socket authenticated with `accessToken`, collecting every message. */
async function openSocket(
  accessToken: string,
): Promise<{ socket: WebSocket; messages: LiveMessage[]; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(`${stack.liveUrl}?token=${accessToken}`);
  const messages: LiveMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await eventually(async () => (messages.some((message) => message.type === 'ready') ? true : undefined));
  return { socket, messages, closed };
}

/** Sends a ping and resolves once its pong arrives: every event sent before is in `messages` by then. */
async function roundTrip(live: { socket: WebSocket; messages: LiveMessage[] }): Promise<void> {
  const pongs = live.messages.filter((message) => message.type === 'pong').length;
  live.socket.send(JSON.stringify({ type: 'ping' }));
  await eventually(async () => (live.messages.filter((message) => message.type === 'pong').length > pongs ? true : undefined));
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-access-'));
  stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: silentLogger });
});
afterAll(async () => {
  await stack?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('four-eyes from the run ledger', () => {
  it('refuses the starter of a refund even when the input names someone else as requester, and lets another finance member approve', async () => {
    const alice = await token('alice', ['operators', 'finance']);
    const fiona = await token('fiona', ['finance']);
    const { runId, approvalId } = await startAndAwaitApproval('refund-request', alice, refund('RF-SPOOF', 'support:bob'));

    const byAlice = await call('POST', `/api/approvals/${approvalId}/approve`, alice, {});
    const approval = await call('GET', `/api/approvals/${approvalId}`, fiona);
    const byFiona = await call('POST', `/api/approvals/${approvalId}/approve`, fiona, { comment: 'ok' });

    expect(byAlice.status).toBe(403);
    expect(byAlice.body.code).toBe('approval-requester-not-allowed');
    expect(approval.body).toMatchObject({ runId, requestedBy: 'alice', requesterKnown: true });
    expect(byFiona.status).toBe(200);
  });

  it('refuses the starter of onboard-customer, whose input names nobody', async () => {
    const connie = await token('connie', ['operators', 'compliance']);
    const risky = { ...onboardCustomerExample, country: 'BR', taxId: undefined, contact: { name: 'Ana Lima', email: 'ana@gmail.com' } };
    const { approvalId } = await startAndAwaitApproval('onboard-customer', connie, risky);

    const refused = await call('POST', `/api/approvals/${approvalId}/approve`, connie, {});

    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('approval-requester-not-allowed');
  });
});

describe('a finance-only workflow', () => {
  it('is invisible to a viewer outside finance on every way in, and visible to finance', async () => {
    const alice = await token('alice', ['operators', 'finance']);
    const vera = await token('vera', ['viewers']);
    const fiona = await token('fiona', ['finance']);
    const veraLive = await openSocket(vera);
    const fionaLive = await openSocket(fiona);
    for (const live of [veraLive, fionaLive]) live.socket.send(JSON.stringify({ type: 'subscribe', all: true }));
    veraLive.socket.send(JSON.stringify({ type: 'subscribe', workflow: 'refund-request' }));
    await roundTrip(veraLive);
    await roundTrip(fionaLive);

    const { runId, approvalId } = await startAndAwaitApproval('refund-request', alice, refund('RF-HIDDEN', 'support:bob'));
    await eventually(
      async () =>
        fionaLive.messages.some((message) => message.type === 'approval.requested' && message.runId === runId) ? true : undefined,
      { timeout: 10_000 },
    );
    await roundTrip(veraLive);
    const veraRun = await call('GET', `/api/runs/${runId}`, vera);
    const veraHistory = await call('GET', `/api/runs/${runId}/history`, vera);
    const veraRuns = await call('GET', '/api/runs?limit=100', vera);
    const veraApprovals = await call('GET', '/api/approvals', vera);
    const veraApproval = await call('GET', `/api/approvals/${approvalId}`, vera);
    const fionaRun = await call('GET', `/api/runs/${runId}`, fiona);
    const fionaApprovals = await call('GET', '/api/approvals?status=pending', fiona);

    expect(veraRun.status).toBe(404);
    expect(veraHistory.status).toBe(404);
    expect((veraRuns.body.runs as { workflow: string }[]).map((run) => run.workflow)).not.toContain('refund-request');
    expect((veraApprovals.body.approvals as { workflow: string }[]).map((approval) => approval.workflow)).not.toContain('refund-request');
    expect(veraApproval.status).toBe(404);
    expect(veraLive.messages.filter((message) => message.workflow === 'refund-request')).toStrictEqual([]);
    expect(veraLive.messages).toContainEqual(expect.objectContaining({ type: 'error', code: 'forbidden' }));
    expect(fionaRun.status).toBe(200);
    expect((fionaApprovals.body.approvals as { approvalId: string }[]).map((approval) => approval.approvalId)).toContain(approvalId);
    expect(fionaLive.messages.filter((message) => message.runId === runId).map((message) => message.type)).toContain('run.started');
    veraLive.socket.close();
    fionaLive.socket.close();
  });
});

describe('the live socket', () => {
  it('delivers nothing, replay included, to a token with no groups that subscribes to everything', async () => {
    const olivia = await token('olivia', ['operators']);
    const nobody = await token('nobody', []);
    await call('POST', '/api/workflows/nightly-report/runs', olivia, {});
    const live = await openSocket(nobody);
    const watcher = await openSocket(olivia);
    watcher.socket.send(JSON.stringify({ type: 'subscribe', all: true }));
    await roundTrip(watcher);

    live.socket.send(JSON.stringify({ type: 'subscribe', all: true, since: 0 }));
    const second = await call('POST', '/api/workflows/nightly-report/runs', olivia, {});
    // The hub offers each event to every connection at once: once the run's closing event has reached a reader, it was offered here too.
    await eventually(
      async () => watcher.messages.some((message) => message.runId === second.body.runId && CLOSING_TYPES.includes(message.type)),
      { timeout: 10_000, what: 'the second run to end' },
    );
    await roundTrip(live);

    expect(live.messages.filter((message) => message.runId !== undefined)).toStrictEqual([]);
    live.socket.close();
    watcher.socket.close();
  });

  it('closes with 4401 when the token expires', async () => {
    const live = await openSocket(await token('vera', ['viewers'], '2s'));
    const ready = live.messages.find((message) => message.type === 'ready') as { expiresAt?: number } | undefined;

    const closed = await live.closed;

    expect(closed).toStrictEqual({ code: 4401, reason: 'token expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(ready?.expiresAt ?? Number.POSITIVE_INFINITY);
  });
});

describe('approvals end with their runs', () => {
  it('cancels the approval of a stopped run, in the list and over the socket, and refuses its decision with 409', async () => {
    const olivia = await token('olivia', ['operators']);
    const rita = await token('rita', ['release-managers', 'viewers']);
    const live = await openSocket(rita);
    live.socket.send(JSON.stringify({ type: 'subscribe', workflow: 'deploy-service' }));
    await roundTrip(live);
    const input = {
      service: 'checkout-api',
      version: '2.15.0',
      commit: 'abc1234',
      requestedBy: 'olivia',
      rollout: { canaryPercent: 10, bakeSeconds: 1 },
      failTests: [],
    };
    const { runId, approvalId } = await startAndAwaitApproval('deploy-service', olivia, input);

    const stopped = await call('POST', `/api/runs/${runId}/stop`, olivia, { reason: 'wrong build' });
    const cancelled = await eventually(
      async () => {
        const listed = await call('GET', '/api/approvals?status=cancelled', rita);
        return (listed.body.approvals as { approvalId: string; cancelReason?: string }[]).find(
          (approval) => approval.approvalId === approvalId,
        );
      },
      { timeout: 10_000 },
    );
    const event = await eventually(
      async () => live.messages.find((message) => message.type === 'approval.cancelled' && message.runId === runId),
      { timeout: 10_000 },
    );
    const decided = await call('POST', `/api/approvals/${approvalId}/approve`, rita, {});

    expect(stopped.status).toBe(200);
    expect(cancelled.cancelReason).toBe('ABORTED');
    expect(event.data).toMatchObject({ approvalId, status: 'cancelled' });
    expect(decided.status).toBe(409);
    expect(decided.body.code).toBe('approval-cancelled');
    live.socket.close();
  });
});

describe('the run ledger', () => {
  it('survives kill -9: the first lookup of an old run after a restart costs one ledger read and one DescribeExecution', async () => {
    const crashDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-ledger-'));
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../helpers/dev-stack-process.ts'), crashDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const apiUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const ready = /ready (\S+)/.exec(String(chunk));
        if (ready) resolve(ready[1]);
      });
      child.once('exit', (code) => reject(new Error(`the stack process exited with ${code}`)));
    });
    const olivia = await devToken(crashDir, { user: 'olivia', groups: ['operators'] });
    const started = await fetch(`${apiUrl}/api/workflows/nightly-report/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${olivia}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const runId = ((await started.json()) as { runId: string }).runId;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const restarted = await startDevStack({ dataDir: crashDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: silentLogger });
    const calls: string[] = [];
    restarted.engine.sfn.middlewareStack.add((next, context) => (args) => (calls.push(`sfn:${context.commandName}`), next(args)), {
      step: 'initialize',
      name: 'countSfn',
    });
    restarted.engine.dynamodb.middlewareStack.add(
      (next, context) => (args) => (calls.push(`dynamodb:${context.commandName}`), next(args)),
      { step: 'initialize', name: 'countDynamoDb' },
    );
    try {
      const response = await fetch(`${restarted.apiUrl}/api/runs/${runId}`, { headers: { authorization: `Bearer ${olivia}` } });
      const run = (await response.json()) as { runId: string; startedBy: string };

      expect(response.status).toBe(200);
      expect(run).toMatchObject({ runId, startedBy: 'olivia' });
      expect(calls.filter((name) => /^dynamodb:Get(Item)?Command$/.test(name))).toHaveLength(1);
      expect(calls.filter((name) => name === 'sfn:DescribeExecutionCommand')).toHaveLength(1);
    } finally {
      await restarted.stop();
      fs.rmSync(crashDir, { recursive: true, force: true });
    }
  });
});
