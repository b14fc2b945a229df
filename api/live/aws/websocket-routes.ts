/**
 * The live-events WebSocket routes on API Gateway, speaking the protocol of the local `/ws` server
 * (api/openapi/live-events.md). `$connect` stores the connection with the caller the authorizer
 * verified, `$disconnect` forgets it, `$default` answers client messages through PostToConnection.
 *
 * Differences from the local server, forced by API Gateway:
 * - Nothing can be sent during `$connect`, so `ready` answers the client's `auth` message (the
 *   console always sends one first). `auth` never changes who a connection is: a token of the same
 *   user refreshes its groups and expiry, another user's gets `user-mismatch`, an invalid one closes it.
 * - There is no shared event buffer, so `since` replays nothing: `subscribed` says `replayed: 0` and
 *   `truncated: true`, telling the client to re-read what it missed over REST. `lastSeq` is now
 *   (epoch ms), the scale AWS events are numbered on (build-live-event.ts).
 * - Closing cannot carry code 4401: a connection whose token expired or failed is closed with DeleteConnection.
 */
import { createTokenVerifier, type VerifyToken } from '../../auth/create-token-verifier';
import { lambdaCatalogue } from '../../catalogue/lambda-catalogue';
import { loadConfig } from '../../config';
import { createDynamoDbClient } from '../../dynamodb-client';
import type { Caller } from '../../errors';
import { jsonLogger, silentLogger, type ApiLogger } from '../../logger';
import { parseClientMessage } from '../client-message';
import type { AccessOf } from '../live-socket-server';
import { parseAuthorizerContext } from './authorizer-context';
import { callerOfConnection, ConnectionStore, hasExpired, type StoredConnection } from './connection-store';
import { createConnectionsApi, type ConnectionsApi } from './connections-api';
import { mayRead } from './may-read';
import { loadWebSocketConfig } from './websocket-config';
import { callbackUrlOf, parseWebSocketEvent, type WebSocketEvent } from './websocket-event';

/** What the routes need. */
export type WebSocketRoutesDeps = {
  store: ConnectionStore;
  /** The management API of the WebSocket API an event came through. */
  connectionsFor: (event: WebSocketEvent) => ConnectionsApi;
  verifyToken: VerifyToken;
  accessOf: AccessOf;
  now?: () => number;
  logger?: ApiLogger;
};

/** What a route returns to API Gateway: 200 keeps (or, on `$connect`, accepts) the connection. */
export type RouteResponse = { statusCode: number };

/** A Lambda handler for the `$connect`, `$disconnect` and `$default` routes. */
export type WebSocketRoutes = (event: unknown) => Promise<RouteResponse>;

const OK: RouteResponse = { statusCode: 200 };

/** Routes each event by its `routeKey`. */
export function createWebSocketRoutes(deps: WebSocketRoutesDeps): WebSocketRoutes {
  const { store, now = Date.now } = deps;
  return async (raw) => {
    const event = parseWebSocketEvent(raw);
    if (!event) return { statusCode: 400 };
    if (event.routeKey === '$connect') {
      // Only the authorizer's context says who connects; query parameters and headers are ignored.
      const caller = parseAuthorizerContext(event.authorizer);
      if (!caller || caller.expiresAt * 1000 <= now()) return { statusCode: 401 };
      await store.put(event.connectionId, caller, new Date(now()).toISOString());
      return OK;
    }
    if (event.routeKey === '$disconnect') {
      await store.delete(event.connectionId);
      return OK;
    }
    await answer(deps, event);
    return OK;
  };
}

/** `$default`: one client message, answered as the local server answers it. */
async function answer(deps: WebSocketRoutesDeps, event: WebSocketEvent): Promise<void> {
  const { store, accessOf, now = Date.now, logger = silentLogger } = deps;
  const connections = deps.connectionsFor(event);
  const { connectionId } = event;
  const send = async (message: object): Promise<void> => {
    if (!(await connections.post(connectionId, message))) await store.delete(connectionId);
  };
  const close = async (reason: string): Promise<void> => {
    logger.info('live: closing connection', { connectionId, reason });
    await connections.close(connectionId);
    await store.delete(connectionId);
  };

  const parsed = event.isBase64Encoded ? { ok: false as const, reason: 'messages are JSON text' } : parseClientMessage(event.body ?? '');
  if (!parsed.ok) return send({ type: 'error', code: 'bad-message', message: parsed.reason });
  const connection = await store.get(connectionId);
  if (!connection) return close('unknown connection');
  if (hasExpired(connection, now())) return close('token expired');
  const { message } = parsed;

  if (message.type === 'auth') return reauthenticate(deps, connection, message.token, send, close);
  if (message.type === 'ping') return send({ type: 'pong', lastSeq: now() });
  if (message.type === 'unsubscribe')
    return send({ type: 'unsubscribed', topic: message.topic, wasSubscribed: await store.unsubscribe(connectionId, message.topic) });
  const { topic, since } = message;
  if (topic.kind === 'workflow' && !mayRead(callerOfConnection(connection), topic.workflow, accessOf)) {
    return send({ type: 'error', code: 'forbidden', message: `you may not read runs of ${topic.workflow}`, topic });
  }
  if (!(await store.subscribe(connectionId, topic))) return close('unknown connection');
  return send({ type: 'subscribed', topic, replayed: 0, truncated: since !== undefined, lastSeq: now() });
}

/** `auth` on an authenticated connection: a fresh token of the same user refreshes groups and expiry; it never changes the user. */
async function reauthenticate(
  { store, verifyToken, now = Date.now }: WebSocketRoutesDeps,
  connection: StoredConnection,
  token: string,
  send: (message: object) => Promise<void>,
  close: (reason: string) => Promise<void>,
): Promise<void> {
  let verified: Caller;
  try {
    verified = await verifyToken(token);
  } catch {
    return close('invalid token');
  }
  if (verified.user !== connection.user) {
    return send({
      type: 'error',
      code: 'user-mismatch',
      message: `this connection stays authenticated as ${connection.user}: re-authenticate with a token of the same user`,
    });
  }
  const { expiresAt } = verified;
  if (expiresAt === undefined || expiresAt <= now()) return close('token expired');
  const refreshed = await store.reauthenticate(connection.connectionId, {
    user: verified.user,
    groups: [...verified.groups],
    expiresAt: Math.floor(expiresAt / 1000),
  });
  if (!refreshed) return close('unknown connection');
  return send({ type: 'ready', user: verified.user, expiresAt });
}

let cached: WebSocketRoutes | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: WebSocketRoutes = (event) => {
  if (!cached) {
    const config = loadConfig(process.env);
    // One function serves one API stage: its endpoint is WEBSOCKET_CALLBACK_URL (a custom domain) or the first event's own.
    const { callbackUrl } = loadWebSocketConfig(process.env);
    let connections: ConnectionsApi | undefined;
    cached = createWebSocketRoutes({
      store: new ConnectionStore(createDynamoDbClient(config), config.tables.connections),
      connectionsFor: (each) => (connections ??= createConnectionsApi(callbackUrl ?? callbackUrlOf(each), config.region)),
      verifyToken: createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }),
      accessOf: lambdaCatalogue(config).accessOf,
      logger: jsonLogger(),
    });
  }
  return cached(event);
};
