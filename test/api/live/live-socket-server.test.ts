import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { WebSocket } from 'ws';
import { HistoryFollower } from '../../../api/live/history-follower';
import { LiveHub } from '../../../api/live/live-hub';
import { attachLiveSocket, CLOSE_UNAUTHORIZED, type LiveSocket } from '../../../api/live/live-socket-server';
import { toStatusChangeEvent } from '../../../api/live/status-change-event';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';

const TOKEN = 'let-me-in';
const verifyToken = async (token: string) => {
  if (token !== TOKEN) throw new Error('bad token');
  return { user: 'ada', groups: [] };
};
const DEFINITION = JSON.stringify({
  StartAt: 'Prepare',
  States: { Prepare: { Type: 'Pass', Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 1, Next: 'Done' }, Done: { Type: 'Succeed' } },
});

type Message = { type: string; seq?: number; runId?: string; data?: Record<string, unknown>; [key: string]: unknown };

function open(url: string): Promise<{ socket: WebSocket; messages: Message[]; next(until: (m: Message) => boolean): Promise<Message[]> }> {
  const socket = new WebSocket(url);
  const messages: Message[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as Message);
    for (const wake of waiters.splice(0)) wake();
  });
  const next = async (until: (m: Message) => boolean): Promise<Message[]> => {
    while (!messages.some(until)) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages;
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, next }));
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<number> {
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('attachLiveSocket', () => {
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
    live = attachLiveSocket(http, { hub, verifyToken, path: '/ws' });
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

    expect(await closed(socket)).toBe(CLOSE_UNAUTHORIZED);
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
    const { stateMachineArn } = await emulator.client.send(new CreateStateMachineCommand({ name: 'live-demo', definition: DEFINITION, roleArn: 'arn:aws:iam::123456789012:role/x' }));
    const client = await open(url);
    client.socket.send(JSON.stringify({ type: 'auth', token: TOKEN }));
    client.socket.send(JSON.stringify({ type: 'subscribe', runId: 'run-1' }));
    await client.next((m) => m.type === 'subscribed');

    await emulator.client.send(new StartExecutionCommand({ stateMachineArn, name: 'run-1', input: '{}' }));
    const messages = await client.next((m) => m.type === 'run.succeeded');
    client.socket.close();
    const events = messages.filter((m) => m.seq !== undefined);
    const started = events.find((m) => m.type === 'run.started');
    const again = await open(`${url}?token=${TOKEN}`);
    again.socket.send(JSON.stringify({ type: 'subscribe', runId: 'run-1', since: started?.seq }));
    const replayed = await again.next((m) => m.type === 'run.succeeded');
    again.socket.close();

    expect(events.map((m) => [m.type, m.data?.name])).toStrictEqual([
      ['run.started', undefined],
      ['state.entered', 'Prepare'],
      ['state.exited', 'Prepare'],
      ['state.entered', 'Pause'],
      ['state.exited', 'Pause'],
      ['state.entered', 'Done'],
      ['state.exited', 'Done'],
      ['run.succeeded', undefined],
    ]);
    expect(events.map((m) => m.seq)).toStrictEqual([...events.map((m) => m.seq)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(replayed.filter((m) => m.seq !== undefined)).toStrictEqual(events.slice(1));
  });
});
