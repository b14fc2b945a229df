/**
 * `GET /ws`: the live-events WebSocket on the API's HTTP server. A client authenticates with
 * `?token=` or a first `{type:'auth', token}` message (else close 4401), then subscribes to all
 * runs, a workflow or a run, optionally resuming `since` a sequence number.
 */
import type { Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { Caller } from '../errors';
import { silentLogger, type ApiLogger } from '../logger';
import { parseClientMessage, type ClientMessage } from './client-message';
import type { LiveEvent } from './live-event';
import type { LiveHub } from './live-hub';

/** Turns a bearer token into the caller, or rejects (same as the HTTP auth). */
export type VerifyLiveToken = (token: string) => Promise<Caller>;

/** Close code for a missing or invalid token (4000 + HTTP 401). */
export const CLOSE_UNAUTHORIZED = 4401;
/** Close code for a client that reads too slowly (1008: policy violation). */
export const CLOSE_TOO_SLOW = 1008;
/** How long a client has to authenticate unless told otherwise. */
export const DEFAULT_AUTH_TIMEOUT_MS = 10_000;
/** Bytes queued for a client before it is dropped as too slow. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Largest accepted client frame. */
const MAX_PAYLOAD_BYTES = 16 * 1024;

/** What the socket is built from. */
export type LiveSocketOptions = {
  hub: LiveHub;
  verifyToken: VerifyLiveToken;
  path?: string;
  authTimeoutMs?: number;
  maxBufferedBytes?: number;
  logger?: ApiLogger;
};

/** The attached socket server. */
export type LiveSocket = { wss: WebSocketServer; close(): Promise<void> };

/** Attaches the live-events WebSocket to `server` at `path` (`/ws` by default). */
export function attachLiveSocket(server: Server, options: LiveSocketOptions): LiveSocket {
  const { hub, verifyToken, path = '/ws', authTimeoutMs = DEFAULT_AUTH_TIMEOUT_MS, maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES, logger = silentLogger } = options;
  const wss = new WebSocketServer({ server, path, maxPayload: MAX_PAYLOAD_BYTES });
  // ws re-emits the HTTP server's errors (a taken port, say); whoever listens handles them there, so here they must not crash the process.
  wss.on('error', () => undefined);

  wss.on('connection', function onLiveConnection(socket, request) {
    const send = (message: object): void => {
      if (socket.readyState !== WebSocket.OPEN) return;
      if (socket.bufferedAmount > maxBufferedBytes) return socket.close(CLOSE_TOO_SLOW, 'too slow');
      socket.send(JSON.stringify(message));
    };
    const connection = hub.connect((event: LiveEvent) => send(event));
    let caller: Caller | undefined;
    let queue = Promise.resolve();
    const authTimer = setTimeout(() => socket.close(CLOSE_UNAUTHORIZED, 'authentication timed out'), authTimeoutMs);

    const authenticate = async (token: string): Promise<void> => {
      try {
        caller = await verifyToken(token);
        clearTimeout(authTimer);
        send({ type: 'ready', user: caller.user });
      } catch {
        socket.close(CLOSE_UNAUTHORIZED, 'invalid token');
      }
    };
    const handle = async (message: ClientMessage): Promise<void> => {
      if (!caller) return message.type === 'auth' ? authenticate(message.token) : socket.close(CLOSE_UNAUTHORIZED, 'authenticate first');
      if (message.type === 'auth') return send({ type: 'error', code: 'already-authenticated', message: 'this connection is already authenticated' });
      if (message.type === 'ping') return send({ type: 'pong', lastSeq: hub.lastSeq });
      if (message.type === 'unsubscribe') return send({ type: 'unsubscribed', topic: message.topic, wasSubscribed: connection.unsubscribe(message.topic) });
      const replay = connection.subscribe(message.topic, message.since);
      send({ type: 'subscribed', topic: message.topic, replayed: replay.events.length, truncated: replay.truncated, lastSeq: hub.lastSeq });
      for (const event of replay.events) send(event);
    };
    const enqueue = (work: () => Promise<void>): void => {
      queue = queue.then(work).catch((error: unknown) => logger.error('live: message failed', { error: String(error) }));
    };

    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
    if (token) enqueue(() => authenticate(token));
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const parsed = isBinary ? { ok: false as const, reason: 'messages are JSON text' } : parseClientMessage(rawText(data));
      if (!parsed.ok) return send({ type: 'error', code: 'bad-message', message: parsed.reason });
      enqueue(() => handle(parsed.message));
    });
    socket.on('error', (error) => logger.error('live: socket error', { error: error.message }));
    socket.on('close', () => {
      clearTimeout(authTimer);
      connection.close();
    });
  });

  return {
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
