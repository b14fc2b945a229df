/** The console's live socket against a real WebSocket server on loopback, speaking as API Gateway's routes do. */
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { LiveSocket, RESYNC_EVENT, type LiveEvent } from '../../web/src/live/live-socket';
import { eventually } from '../helpers/eventually';

type Received = { url: string; messages: Record<string, unknown>[]; socket: WebSocket };

let server: WebSocketServer;
let url: string;
let connections: Received[];
const globals = globalThis as { WebSocket?: unknown };
const savedWebSocket = globals.WebSocket;

beforeAll(async () => {
  globals.WebSocket = WebSocket; // Node 20 has no browser WebSocket; ws speaks the same API
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/live`;
});
afterAll(async () => {
  globals.WebSocket = savedWebSocket;
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  connections = [];
  server.removeAllListeners('connection');
  server.on('connection', (socket, request) => {
    const received: Received = { url: request.url ?? '', messages: [], socket };
    connections.push(received);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      received.messages.push(message);
      if (message.type === 'auth') socket.send(JSON.stringify({ type: 'ready', user: 'ada' }));
      if (message.type === 'subscribe')
        socket.send(JSON.stringify({ type: 'subscribed', topic: {}, replayed: 0, truncated: message.since !== undefined, lastSeq: 0 }));
    });
  });
});

const event = (seq: number, runId: string): LiveEvent => ({
  type: 'run.status',
  seq,
  runId,
  workflow: 'deploy-service',
  time: new Date().toISOString(),
  data: {},
});

describe('the live socket', () => {
  it('puts the token in the query only when told (API Gateway), and always authenticates with a first message', async () => {
    const plain = new LiveSocket(url, () => 'token-1');
    const gateway = new LiveSocket(url, () => 'token 2/+', { tokenInQuery: true });
    plain.on({ all: true }, () => undefined);
    gateway.on({ all: true }, () => undefined);
    await eventually(() => connections.length === 2 && connections.every((each) => each.messages.length >= 2));

    const urls = connections.map((each) => each.url).sort();
    expect(urls).toEqual(['/live', `/live?token=${encodeURIComponent('token 2/+').replace(/%20/g, '+')}`]);
    expect(connections.map((each) => each.messages[0].type)).toEqual(['auth', 'auth']);
    plain.close();
    gateway.close();
  });

  it('delivers events by topic, and after a reconnect the server cannot replay, tells every listener to re-read', async () => {
    const live = new LiveSocket(url, () => 'token-1');
    const ofRun: LiveEvent[] = [];
    const all: LiveEvent[] = [];
    live.on({ runId: 'deploy-1' }, (each) => ofRun.push(each));
    live.on({ all: true }, (each) => all.push(each));
    await eventually(() => connections.length === 1 && connections[0].messages.filter((each) => each.type === 'subscribe').length === 2);
    connections[0].socket.send(JSON.stringify(event(5, 'deploy-1')));
    connections[0].socket.send(JSON.stringify(event(6, 'deploy-2')));
    await eventually(() => all.length === 2);
    expect(ofRun.map((each) => each.seq)).toEqual([5]);

    connections[0].socket.terminate(); // the connection drops; the socket reconnects and subscribes with since
    await eventually(() => ofRun.some((each) => each.type === RESYNC_EVENT) && all.some((each) => each.type === RESYNC_EVENT), {
      timeout: 10_000,
    });

    expect(connections[1].messages.filter((each) => each.type === 'subscribe').map((each) => each.since)).toEqual([6, 6]);
    // The server answered both subscriptions before this event, and a socket delivers in order: once it is here, so are both answers.
    connections[1].socket.send(JSON.stringify(event(7, 'deploy-2')));
    await eventually(() => all.some((each) => each.seq === 7));
    expect(all.filter((each) => each.type === RESYNC_EVENT)).toHaveLength(1);
    live.close();
  }, 15_000);
});
