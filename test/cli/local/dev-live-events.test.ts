/**
 * Live events on the embedded dev stack end to end: a real WebSocket client, authenticated with
 * the approver's token, follows deploy-service from start through its approval to success, and
 * no message ever carries the task token; a caller the catalogue's access rule keeps out of
 * deploy-service gets none of it.
 */
import * as fs from 'node:fs';
import { approvalTokenOf } from '../../helpers/approval-token';
import * as os from 'node:os';
import * as path from 'node:path';
import { WebSocket } from 'ws';
import { devToken } from '../../../cli/local/dev-token';
import { startDevStack, type DevStack } from '../../../cli/local/start-dev-stack';
import type { Logger } from '../../../workflows/engine';
import { eventually } from '../../helpers/api-stack';

jest.setTimeout(120_000);

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const input = {
  service: 'checkout-api',
  version: '2.15.0',
  commit: 'abc1234',
  requestedBy: 'dana',
  rollout: { canaryPercent: 10, bakeSeconds: 1 },
  failTests: [],
};

type Message = { type: string; seq?: number; runId?: string; workflow?: string; data?: Record<string, unknown> };
type Client = { socket: WebSocket; raw: string[]; messages: Message[]; until(check: (message: Message) => boolean): Promise<Message> };

let dataDir: string;
let stack: DevStack | undefined;
const clients: Client[] = [];

async function call(method: 'GET' | 'POST', url: string, token: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack?.apiUrl}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A live client that keeps every frame, raw and parsed. */
async function connect(url: string): Promise<Client> {
  const socket = new WebSocket(url);
  const raw: string[] = [];
  const messages: Message[] = [];
  socket.on('message', (data) => {
    raw.push(String(data));
    messages.push(JSON.parse(String(data)) as Message);
  });
  const until = (check: (message: Message) => boolean) => eventually(async () => messages.find(check), { timeout: 30_000 });
  const client = await new Promise<Client>((resolve, reject) => {
    socket.once('open', () => resolve({ socket, raw, messages, until }));
    socket.once('error', reject);
  });
  clients.push(client);
  return client;
}

/** The task token the engine handed the approval task, from its own history. */
function taskToken(executionArn: string): Promise<string> {
  return approvalTokenOf((stack as DevStack).engine.sfn, executionArn);
}

/** The position of the first message after `from` that passes `check` (-1 if none). */
function indexAfter(messages: readonly Message[], from: number, check: (message: Message) => boolean): number {
  const found = messages.slice(from + 1).findIndex(check);
  return found === -1 ? -1 : from + 1 + found;
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-live-'));
});
afterEach(async () => {
  for (const { socket } of clients.splice(0)) {
    if (socket.readyState === WebSocket.CLOSED) continue;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
    });
  }
  await stack?.stop();
  stack = undefined;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('statecraft dev stack live events', () => {
  it('streams deploy-service from run.started through its approval to run.succeeded over /ws, never showing the task token', async () => {
    stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: quiet });
    const operator = await devToken(dataDir, { user: 'olivia', groups: ['operators'] });
    const approver = await devToken(dataDir, { user: 'rita', groups: ['release-managers'] });
    const live = await connect(`${stack.liveUrl}?token=${approver}`);
    await live.until((message) => message.type === 'ready');
    live.socket.send(JSON.stringify({ type: 'subscribe', workflow: 'deploy-service' }));
    await live.until((message) => message.type === 'subscribed');

    const started = await call('POST', '/api/workflows/deploy-service/runs', operator, { input });
    const runId = String(started.runId);
    const ofRun = (type: string) => (message: Message) => message.runId === runId && message.type === type;
    const requested = await live.until(ofRun('approval.requested'));
    const approved = await call('POST', `/api/approvals/${String(requested.data?.approvalId)}/approve`, approver, { comment: 'ship it' });
    await live.until(ofRun('run.succeeded'));
    const token = await taskToken(String(approved.executionArn));
    const events = live.messages.filter((message) => message.runId === runId);
    const at = { started: events.findIndex(ofRun('run.started')) };
    const entered = indexAfter(events, at.started, ofRun('state.entered'));
    const exited = indexAfter(events, entered, ofRun('state.exited'));
    const waiting = indexAfter(
      events,
      exited,
      (message) => ofRun('run.status')(message) && message.data?.status === 'WAITING_FOR_APPROVAL',
    );
    const request = indexAfter(events, waiting, ofRun('approval.requested'));
    const decided = indexAfter(events, request, ofRun('approval.decided'));
    const succeeded = indexAfter(events, decided, ofRun('run.succeeded'));
    const seqs = events.map((message) => message.seq ?? 0);

    expect(approved.status).toBe('approved');
    expect(at.started).toBe(0);
    expect([entered, exited, waiting, request, decided, succeeded].every((index) => index > 0)).toBe(true);
    expect(succeeded).toBe(events.length - 1);
    expect(events.every((message) => message.workflow === 'deploy-service')).toBe(true);
    expect(seqs).toStrictEqual([...seqs].sort((a, b) => a - b));
    expect(events[request]?.data).toMatchObject({
      approvalId: requested.data?.approvalId,
      status: 'pending',
      requestedBy: 'olivia',
      approvers: expect.anything(),
    });
    expect(events[decided]?.data).toMatchObject({
      approvalId: requested.data?.approvalId,
      status: 'approved',
      decision: { outcome: 'approved', decidedBy: 'rita', comment: 'ship it' },
    });
    expect(events.filter(ofRun('approval.requested'))).toHaveLength(1);
    expect(events.filter(ofRun('approval.decided'))).toHaveLength(1);
    expect(token.length).toBeGreaterThan(10);
    for (const frame of live.raw) expect(frame).not.toContain(token);
  });

  it('gives a caller who may not read deploy-service neither a subscription to it nor its events under all', async () => {
    stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: quiet });
    const operator = await devToken(dataDir, { user: 'olivia', groups: ['operators'] });
    const reader = await connect(`${stack.liveUrl}?token=${await devToken(dataDir, { user: 'rita', groups: ['release-managers'] })}`);
    const outsider = await connect(`${stack.liveUrl}?token=${await devToken(dataDir, { user: 'fred', groups: ['finance'] })}`);
    reader.socket.send(JSON.stringify({ type: 'subscribe', workflow: 'deploy-service' }));
    outsider.socket.send(JSON.stringify({ type: 'subscribe', workflow: 'deploy-service' }));
    outsider.socket.send(JSON.stringify({ type: 'subscribe', all: true }));
    await reader.until((message) => message.type === 'subscribed');
    await outsider.until((message) => message.type === 'subscribed');

    const started = await call('POST', '/api/workflows/deploy-service/runs', operator, { input });
    await reader.until(
      (message) => message.runId === started.runId && message.type === 'run.status' && message.data?.status === 'WAITING_FOR_APPROVAL',
    );
    outsider.socket.send(JSON.stringify({ type: 'ping' }));
    await outsider.until((message) => message.type === 'pong');

    expect(outsider.messages.map((message) => message.type)).toStrictEqual(['ready', 'error', 'subscribed', 'pong']);
    expect(outsider.messages[1]).toMatchObject({ code: 'forbidden' });
    expect(outsider.raw.join('\n')).not.toContain(String(started.runId));
  });

  it('drops live clients when the stack stops', async () => {
    stack = await startDevStack({ dataDir, apiPort: 0, sfnPort: 0, dynamodbPort: 0, logger: quiet });
    const approver = await devToken(dataDir, { user: 'rita', groups: ['release-managers'] });
    const client = await connect(`${stack.liveUrl}?token=${approver}`);
    const socket = client.socket;
    await client.until((message) => message.type === 'ready');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

    await stack.stop();
    stack = undefined;
    await closed;

    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });
});
