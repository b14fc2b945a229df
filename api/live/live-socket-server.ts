/**
 * `GET /ws`: the live-events WebSocket on the API's HTTP server. A client authenticates with
 * `?token=` or a first `{type:'auth', token}` message (else close 4401), then subscribes to all
 * runs, a workflow or a run, optionally resuming `since` a sequence number. It receives only the
 * events of workflows the access rule lets its current caller read, and is closed when the token
 * expires unless it re-authenticates first. The protocol is in api/openapi/live-events.md.
 */
import type { IncomingMessage, Server } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { checkAccess, type ResolvedAccess } from '../access/access-rule';
import type { Caller } from '../errors';
import { silentLogger, type ApiLogger } from '../logger';
import { parseClientMessage, type ClientMessage } from './client-message';
import { systemLiveClock, type LiveClock, type LiveTimer } from './live-clock';
import type { LiveEvent } from './live-event';
import type { LiveHub } from './live-hub';

/** Turns a bearer token into the caller, or rejects (same as the HTTP auth). A caller without `expiresAt` never expires here. */
export type VerifyLiveToken = (token: string) => Promise<Caller>;

/** The access of a workflow by name, as the catalogue resolves it. */
export type AccessOf = (workflow: string) => ResolvedAccess;

/** Close code for a missing, invalid or expired token (4000 + HTTP 401). */
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
  /** Each connection gets an event only if `checkAccess(caller, 'read', accessOf(event.workflow))` allows it. */
  accessOf: AccessOf;
  path?: string;
  authTimeoutMs?: number;
  maxBufferedBytes?: number;
  /** Times the authentication deadline and token expiry. */
  clock?: LiveClock;
  logger?: ApiLogger;
};

/** The attached socket server. */
export type LiveSocket = { wss: WebSocketServer; close(): Promise<void> };

type Settings = Required<Omit<LiveSocketOptions, 'path'>>;

/** Attaches the live-events WebSocket to `server` at `path` (`/ws` by default). */
export function attachLiveSocket(server: Server, options: LiveSocketOptions): LiveSocket {
  const {
    path = '/ws',
    authTimeoutMs = DEFAULT_AUTH_TIMEOUT_MS,
    maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
    clock = systemLiveClock,
    logger = silentLogger,
  } = options;
  const settings: Settings = {
    hub: options.hub,
    verifyToken: options.verifyToken,
    accessOf: options.accessOf,
    authTimeoutMs,
    maxBufferedBytes,
    clock,
    logger,
  };
  const wss = new WebSocketServer({ server, path, maxPayload: MAX_PAYLOAD_BYTES });
  // ws re-emits the HTTP server's errors (a taken port, say); whoever listens handles them there, so here they must not crash the process.
  wss.on('error', () => undefined);
  wss.on('connection', (socket, request) => serveLiveConnection(socket, request, settings));

  return {
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** One client: authentication, re-authentication before expiry, subscriptions and delivery filtered by the access rule. */
function serveLiveConnection(socket: WebSocket, request: IncomingMessage, settings: Settings): void {
  const { hub, verifyToken, accessOf, authTimeoutMs, maxBufferedBytes, clock, logger } = settings;
  const send = (message: object): void => {
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) return socket.close(CLOSE_TOO_SLOW, 'too slow');
    socket.send(JSON.stringify(message));
  };
  let caller: Caller | undefined;
  let expiry: LiveTimer | undefined;
  let queue = Promise.resolve();
  const mayRead = (workflow: string): boolean => caller !== undefined && readable(caller, workflow, accessOf, logger);
  const connection = hub.connect((event: LiveEvent) => send(event), mayRead);
  const authTimer = clock.setTimer(clock.now() + authTimeoutMs, () => socket.close(CLOSE_UNAUTHORIZED, 'authentication timed out'));

  const authenticate = async (token: string): Promise<void> => {
    let verified: Caller;
    try {
      verified = await verifyToken(token);
    } catch {
      return socket.close(CLOSE_UNAUTHORIZED, 'invalid token');
    }
    if (socket.readyState !== WebSocket.OPEN) return;
    if (caller && verified.user !== caller.user) {
      return send({
        type: 'error',
        code: 'user-mismatch',
        message: `this connection stays authenticated as ${caller.user}: re-authenticate with a token of the same user`,
      });
    }
    const { expiresAt } = verified;
    if (expiresAt !== undefined && expiresAt <= clock.now()) return socket.close(CLOSE_UNAUTHORIZED, 'token expired');
    caller = verified;
    authTimer.cancel();
    expiry?.cancel();
    expiry = expiresAt === undefined ? undefined : clock.setTimer(expiresAt, () => socket.close(CLOSE_UNAUTHORIZED, 'token expired'));
    send({ type: 'ready', user: verified.user, ...(expiresAt === undefined ? {} : { expiresAt }) });
  };
  const handle = async (message: ClientMessage): Promise<void> => {
    if (message.type === 'auth') return authenticate(message.token);
    if (!caller) return socket.close(CLOSE_UNAUTHORIZED, 'authenticate first');
    if (message.type === 'ping') return send({ type: 'pong', lastSeq: hub.lastSeq });
    if (message.type === 'unsubscribe')
      return send({ type: 'unsubscribed', topic: message.topic, wasSubscribed: connection.unsubscribe(message.topic) });
    const { topic, since } = message;
    if (topic.kind === 'workflow' && !mayRead(topic.workflow))
      return send({ type: 'error', code: 'forbidden', message: `you may not read runs of ${topic.workflow}`, topic });
    const replay = connection.subscribe(topic, since);
    send({ type: 'subscribed', topic, replayed: replay.events.length, truncated: replay.truncated, lastSeq: hub.lastSeq });
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
    authTimer.cancel();
    expiry?.cancel();
    connection.close();
  });
}

/** The one access rule on a workflow's events; an event of no known workflow, or a failing lookup, is read by nobody. */
function readable(caller: Caller, workflow: string, accessOf: AccessOf, logger: ApiLogger): boolean {
  if (workflow === '') return false;
  try {
    return checkAccess(caller, 'read', accessOf(workflow)).allowed;
  } catch (error) {
    logger.error('live: access lookup failed', { workflow, error: String(error) });
    return false;
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
