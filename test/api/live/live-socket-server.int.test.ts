import * as fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WebSocket } from 'ws';
import { resolveAccess } from '../../../api/access/access-rule';
import { createTokenVerifier } from '../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../api/auth/load-signing-key';
import { signLocalToken } from '../../../api/auth/sign-local-token';
import type { Caller } from '../../../api/errors';
import { HistoryFollower } from '../../../api/live/history-follower';
import { LiveHub } from '../../../api/live/live-hub';
import { attachLiveSocket, CLOSE_UNAUTHORIZED, type LiveSocket } from '../../../api/live/live-socket-server';
import { toStatusChangeEvent } from '../../../api/live/status-change-event';
import type { VirtualClock } from '../../../workflows/engine';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';
import { createFakeClock } from '../../helpers/fake-clock';
import { eventually } from '../../helpers/eventually';

const DEFINITION = JSON.stringify({
  StartAt: 'Prepare',
  States: { Prepare: { Type: 'Pass', Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Succeed' } },
});
/** `payroll` may be read only by finance; every other workflow has the global roles. */
const accessOf = (workflow: string) =>
  workflow === 'payroll' ? resolveAccess('payroll', { read: { groups: ['finance'] } }) : resolveAccess(workflow, undefined);

type Message = { type: string; seq?: number; runId?: string; workflow?: string; data?: Record<string, unknown>; [key: string]: unknown };
type Client = {
  socket: WebSocket;
  messages: Message[];
  next(until: (m: Message) => boolean): Promise<Message[]>;
  nth(type: string, n: number): Promise<Message[]>;
};

function open(url: string): Promise<Client> {
  const socket = new WebSocket(url);
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  socket.on('close', () => {
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (until: (m: Message) => boolean): Promise<Message[]> => {
    while (!messages.some(until)) {
      if (socket.readyState === WebSocket.CLOSED) throw new Error(`socket closed; got ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return messages;
  };
  /** Every message up to and including the n-th of `type`. */
  const nth = async (type: string, n: number): Promise<Message[]> => {
    const positions = () => messages.flatMap((m, index) => (m.type === type ? [index] : []));
    await next(() => positions().length >= n);
    return messages.slice(0, (positions()[n - 1] ?? 0) + 1);
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, next, nth }));
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
}

const events = (messages: readonly Message[]) => messages.filter((m) => m.seq !== undefined);

describe('attachLiveSocket', () => {
  const TOKEN = 'let-me-in';
  const verifyToken = async (token: string): Promise<Caller> => {
    if (token !== TOKEN) throw new Error('bad token');
    return { user: 'ada', groups: ['viewers'] };
  };
  let emulator: RunningEmulator;
  let hub: LiveHub;
  let follower: HistoryFollower | undefined;
  let http: Server;
  let live: LiveSocket;
  let url: string;

  beforeAll(async () => {
    hub = new LiveHub();
    emulator = await startEmulator({ onStatusChange: (record) => void follower?.ingest(toStatusChangeEvent(record)) });
    follower = new HistoryFollower({ hub, sfn: emulator.client, intervalMs: 100 });
    follower.start();
    http = createServer((_request, response) => response.end());
    live = attachLiveSocket(http, { hub, verifyToken, accessOf, path: '/ws' });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws`;
  });

  afterAll(async () => {
    await live.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await follower?.close();
    await emulator.stop();
  });

  it('closes with 4401 when the first message is not a valid auth', async () => {
    const { socket } = await open(url);

    socket.send(JSON.stringify({ type: 'auth', token: 'wrong' }));

    expect((await closed(socket)).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('answers malformed messages with an error and stays open', async () => {
    const client = await open(`${url}?token=${TOKEN}`);

    client.socket.send('not json');
    client.socket.send(JSON.stringify({ type: 'subscribe' }));
    client.socket.send(JSON.stringify({ type: 'ping' }));
    const messages = await client.next((m) => m.type === 'pong');
    client.socket.close();

    expect(messages.map((m) => m.type)).toStrictEqual(['ready', 'error', 'error', 'pong']);
  });

  it('streams a run from start to success and replays what a reconnecting client missed', async () => {
    const { stateMachineArn } = await emulator.client.send(
      new CreateStateMachineCommand({ name: 'live-demo', definition: DEFINITION, roleArn: 'arn:aws:iam::123456789012:role/x' }),
    );
    const client = await open(url);
    client.socket.send(JSON.stringify({ type: 'auth', token: TOKEN }));
    client.socket.send(JSON.stringify({ type: 'subscribe', runId: 'run-1' }));
    await client.next((m) => m.type === 'subscribed');

    await emulator.client.send(new StartExecutionCommand({ stateMachineArn, name: 'run-1', input: '{}' }));
    const messages = await client.next((m) => m.type === 'run.succeeded');
    client.socket.close();
    const streamed = events(messages);
    const started = streamed.find((m) => m.type === 'run.started');
    const again = await open(`${url}?token=${TOKEN}`);
    again.socket.send(JSON.stringify({ type: 'subscribe', runId: 'run-1', since: started?.seq }));
    const replayed = await again.next((m) => m.type === 'run.succeeded');
    again.socket.close();

    expect(streamed.map((m) => [m.type, m.data?.name])).toStrictEqual([
      ['run.started', undefined],
      ['state.entered', 'Prepare'],
      ['state.exited', 'Prepare'],
      ['state.entered', 'Pause'],
      ['state.exited', 'Pause'],
      ['state.entered', 'Done'],
      ['state.exited', 'Done'],
      ['run.succeeded', undefined],
    ]);
    expect(streamed.map((m) => m.seq)).toStrictEqual([...streamed.map((m) => m.seq)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(events(replayed)).toStrictEqual(streamed.slice(1));
  });
});

describe('attachLiveSocket access and token expiry', () => {
  let dataDir: string;
  let key: Uint8Array;
  let keyFile: string;
  let clock: VirtualClock;
  let hub: LiveHub;
  let http: Server;
  let live: LiveSocket;
  let url: string;
  const clients: WebSocket[] = [];

  const token = (user: string, groups: readonly string[], ttl = '1h') => signLocalToken({ user, groups, ttl }, key);
  const connect = async (jwt: string): Promise<Client> => {
    const client = await open(`${url}?token=${jwt}`);
    clients.push(client.socket);
    await client.next((m) => m.type === 'ready');
    return client;
  };
  /** Resolves once the server has seen every connection close (and so run its close handlers). */
  const serverSideClosed = async (): Promise<void> => {
    await eventually(() => live.wss.clients.size === 0, { interval: 5, what: 'every client to be closed' });
  };
  const send = (client: Client, message: object) => client.socket.send(JSON.stringify(message));
  const publish = (workflow: string, runId: string) =>
    hub.publish({ type: 'state.entered', runId, workflow, time: '2024-01-01T00:00:00.000Z', data: { name: 'A' } });

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-live-'));
    keyFile = path.join(dataDir, 'signing-key');
    key = loadSigningKey(keyFile);
  });
  beforeEach(async () => {
    clock = createFakeClock({ start: Date.now() });
    hub = new LiveHub();
    http = createServer((_request, response) => response.end());
    // The real local verifier (it puts the token's exp on the caller as expiresAt), checking expiry against the virtual clock.
    const verifyToken = createTokenVerifier({ mode: 'local', keyFile }, { now: () => clock.now() });
    live = attachLiveSocket(http, { hub, verifyToken, accessOf, clock });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws`;
  });
  afterEach(async () => {
    for (const socket of clients.splice(0)) socket.close();
    await live.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  describe('access', () => {
    it('gives a caller with no groups nothing at all, live or replayed', async () => {
      publish('orders', 'o-1');
      publish('payroll', 'p-1');
      const client = await connect(await token('nobody', []));

      send(client, { type: 'subscribe', all: true, since: 0 });
      await client.next((m) => m.type === 'subscribed');
      publish('orders', 'o-2');
      publish('payroll', 'p-2');
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(messages.map((m) => m.type)).toStrictEqual(['ready', 'subscribed', 'pong']);
      expect(messages[1]).toMatchObject({ replayed: 0 });
    });

    it('refuses a viewer a restricted workflow by name, without subscribing, and says no more than the name', async () => {
      const client = await connect(await token('vic', ['viewers']));

      send(client, { type: 'subscribe', workflow: 'payroll' });
      send(client, { type: 'ping' });
      await client.next((m) => m.type === 'pong');
      publish('payroll', 'p-1');
      send(client, { type: 'ping' });
      const messages = await client.nth('pong', 2);

      expect(messages.map((m) => m.type)).toStrictEqual(['ready', 'error', 'pong', 'pong']);
      expect(messages[1]).toStrictEqual({
        type: 'error',
        code: 'forbidden',
        message: 'you may not read runs of payroll',
        topic: { kind: 'workflow', workflow: 'payroll' },
      });
    });

    it('delivers under all and by run only the events of workflows the caller may read', async () => {
      const client = await connect(await token('vic', ['viewers']));
      send(client, { type: 'subscribe', all: true });
      send(client, { type: 'subscribe', runId: 'p-1' });
      await client.nth('subscribed', 2);

      const published = [publish('payroll', 'p-1'), publish('orders', 'o-1'), publish('payroll', 'p-1'), publish('orders', 'o-2')];
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(events(messages).map((m) => m.seq)).toStrictEqual([published[1]?.seq, published[3]?.seq]);
    });

    it('replays through since only the events of workflows the caller may read', async () => {
      const published = [publish('payroll', 'p-1'), publish('orders', 'o-1'), publish('payroll', 'p-1')];
      const client = await connect(await token('vic', ['viewers']));

      send(client, { type: 'subscribe', all: true, since: 0 });
      send(client, { type: 'subscribe', runId: 'p-1', since: 0 });
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(messages.filter((m) => m.type === 'subscribed').map((m) => m.replayed)).toStrictEqual([1, 0]);
      expect(events(messages).map((m) => m.seq)).toStrictEqual([published[1]?.seq]);
    });

    it('gives a finance member the restricted workflow by name, replayed and live, and not what finance may not read', async () => {
      const before = publish('payroll', 'p-1');
      const client = await connect(await token('fay', ['finance']));

      send(client, { type: 'subscribe', workflow: 'payroll', since: 0 });
      send(client, { type: 'subscribe', all: true });
      await client.nth('subscribed', 2);
      publish('orders', 'o-1');
      const after = publish('payroll', 'p-2');
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(messages.find((m) => m.type === 'subscribed')).toMatchObject({ replayed: 1, truncated: false });
      expect(events(messages).map((m) => [m.workflow, m.seq])).toStrictEqual([
        ['payroll', before.seq],
        ['payroll', after.seq],
      ]);
    });
  });

  describe('token expiry', () => {
    it('closes the socket with 4401 when the token expires', async () => {
      const client = await connect(await token('vic', ['viewers'], '2s'));
      const ready = client.messages[0];
      const closing = closed(client.socket);

      await clock.advanceTo(Number(ready?.expiresAt) - 1);
      const openBefore = client.socket.readyState;
      await clock.advanceTo(Number(ready?.expiresAt));
      const closedWith = await closing;
      await serverSideClosed();

      expect(ready).toMatchObject({ type: 'ready', user: 'vic', expiresAt: expect.any(Number) });
      expect(openBefore).toBe(WebSocket.OPEN);
      expect(closedWith).toStrictEqual({ code: CLOSE_UNAUTHORIZED, reason: 'token expired' });
      expect(clock.pendingTimers).toBe(0);
    });

    it('stays open past the old expiry after a re-auth, and filters with the new groups', async () => {
      const client = await connect(await token('vic', ['viewers'], '2s'));
      const firstExpiry = Number(client.messages[0]?.expiresAt);
      send(client, { type: 'subscribe', all: true });
      await client.next((m) => m.type === 'subscribed');
      const fresh = await token('vic', ['viewers', 'finance'], '1h');

      await clock.advance(500);
      send(client, { type: 'auth', token: fresh });
      const [, , again] = await client.nth('ready', 2);
      await clock.advanceTo(firstExpiry + 1000);
      const payroll = publish('payroll', 'p-1');
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(again).toMatchObject({ type: 'ready', user: 'vic' });
      expect(Number(again?.expiresAt)).toBeGreaterThan(firstExpiry);
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      expect(events(messages).map((m) => m.seq)).toStrictEqual([payroll.seq]);
      expect(clock.pendingTimers).toBe(1);
    });

    it('refuses a re-auth as another user and keeps the old caller', async () => {
      const client = await connect(await token('vic', ['viewers']));
      send(client, { type: 'subscribe', all: true });
      await client.next((m) => m.type === 'subscribed');

      send(client, { type: 'auth', token: await token('fay', ['finance']) });
      await client.next((m) => m.type === 'error');
      publish('payroll', 'p-1');
      send(client, { type: 'ping' });
      const messages = await client.next((m) => m.type === 'pong');

      expect(messages.map((m) => m.type)).toStrictEqual(['ready', 'subscribed', 'error', 'pong']);
      expect(messages[2]).toMatchObject({ type: 'error', code: 'user-mismatch' });
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
    });

    it('closes with 4401 on a re-auth with an invalid token', async () => {
      const client = await connect(await token('vic', ['viewers']));
      const closing = closed(client.socket);

      send(client, { type: 'auth', token: 'not-a-token' });
      const closedWith = await closing;
      await serverSideClosed();

      expect(closedWith).toStrictEqual({ code: CLOSE_UNAUTHORIZED, reason: 'invalid token' });
      expect(clock.pendingTimers).toBe(0);
    });
  });
});
