/**
 * A stand-in for API Gateway's WebSocket connection management API on 127.0.0.1 and a free port,
 * speaking its wire protocol so the real ApiGatewayManagementApiClient talks to it:
 * `POST /{stage}/@connections/{id}` (the body is the frame), `DELETE` (close), `GET` (describe), and
 * 410 GoneException for a connection that is not open. Requests must be SigV4-signed, as on AWS.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';

/** API Gateway's largest message: 128 KiB. */
const MAX_MESSAGE_BYTES = 128 * 1024;

/** The running stand-in and what it saw. */
export type ConnectionsApiStandIn = {
  /** `http://127.0.0.1:{port}/{stage}`, as WEBSOCKET_CALLBACK_URL would be. */
  endpoint: string;
  /** A real SDK client for `endpoint` (placeholder credentials). */
  client: ApiGatewayManagementApiClient;
  /** A client connected (API Gateway accepted its `$connect`). */
  open(connectionId: string): void;
  /** The client went away (a closed tab): posts to it now get 410. */
  drop(connectionId: string): void;
  isOpen(connectionId: string): boolean;
  /** The frames posted to a connection, parsed as JSON, in order. */
  received(connectionId: string): Record<string, unknown>[];
  /** Connections closed with DeleteConnection, in order. */
  closed: string[];
  /** Forgets what was received and closed (the open connections stay). */
  reset(): void;
  stop(): Promise<void>;
};

const CONNECTION_PATH = /^(?:\/[^/]+)?\/@connections\/([^/]+)$/;

/** Starts the stand-in for one stage (`test` unless told). */
export async function startConnectionsApiStandIn({ stage = 'test' } = {}): Promise<ConnectionsApiStandIn> {
  const open = new Map<string, { connectedAt: string }>();
  const frames = new Map<string, string[]>();
  const closed: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request);
    const match = CONNECTION_PATH.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!match || !String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '))
      return fail(response, 403, 'ForbiddenException', 'Forbidden');
    const connectionId = decodeURIComponent(match[1] ?? '');
    const connection = open.get(connectionId);
    if (!connection) return fail(response, 410, 'GoneException', null);
    if (request.method === 'POST') {
      if (body.length > MAX_MESSAGE_BYTES) return fail(response, 413, 'PayloadTooLargeException', 'Message too long');
      frames.set(connectionId, [...(frames.get(connectionId) ?? []), body.toString('utf8')]);
      return void response.writeHead(200).end();
    }
    if (request.method === 'DELETE') {
      open.delete(connectionId);
      closed.push(connectionId);
      return void response.writeHead(204).end();
    }
    if (request.method === 'GET') {
      const described = {
        connectedAt: connection.connectedAt,
        identity: { sourceIp: '203.0.113.7', userAgent: 'stand-in' },
        lastActiveAt: connection.connectedAt,
      };
      return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(described));
    }
    return fail(response, 403, 'ForbiddenException', 'Forbidden');
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => fail(response, 500, 'InternalServerErrorException', 'Internal server error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${stage}`;
  const client = new ApiGatewayManagementApiClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'stand-in', secretAccessKey: 'stand-in' },
  });

  return {
    endpoint,
    client,
    open: (connectionId) => void open.set(connectionId, { connectedAt: new Date().toISOString() }),
    drop: (connectionId) => void open.delete(connectionId),
    isOpen: (connectionId) => open.has(connectionId),
    received: (connectionId) => (frames.get(connectionId) ?? []).map((frame) => JSON.parse(frame) as Record<string, unknown>),
    closed,
    reset() {
      frames.clear();
      closed.splice(0);
    },
    async stop() {
      client.destroy();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** API Gateway's error shape: the type in `x-amzn-ErrorType`, a JSON body with `message`. */
function fail(response: ServerResponse, status: number, type: string, message: string | null): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type }).end(JSON.stringify({ message }));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
