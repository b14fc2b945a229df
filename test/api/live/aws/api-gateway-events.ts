/**
 * Events as API Gateway sends them to the live-events functions of a WebSocket API (`abc123`,
 * stage `prod`): the REQUEST authorizer's on `$connect`, and the `$connect`, `$default` and
 * `$disconnect` route events, whose `requestContext.authorizer` API Gateway fills from the
 * authorizer's result (numbers passed on as strings).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
import type { AuthorizerResult } from '../../../../api/live/aws/websocket-authorizer';

export const API_ID = 'abc123';
export const STAGE = 'prod';
export const DOMAIN_NAME = `${API_ID}.execute-api.us-east-1.amazonaws.com`;
export const CONNECT_METHOD_ARN = `arn:aws:execute-api:us-east-1:123456789012:${API_ID}/${STAGE}/$connect`;

const HEADERS = {
  Host: DOMAIN_NAME,
  Origin: 'https://console.example.com',
  'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version': '13',
  'User-Agent': 'Mozilla/5.0',
  'X-Forwarded-For': '203.0.113.7',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
};

const multi = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [value]]));

function requestContext(routeKey: string, eventType: string, connectionId: string, authorizer?: Record<string, unknown>) {
  const now = Date.now();
  return {
    routeKey,
    eventType,
    extendedRequestId: `ext-${connectionId}-${now}`,
    requestTime: new Date(now).toUTCString(),
    messageDirection: 'IN',
    stage: STAGE,
    connectedAt: now,
    requestTimeEpoch: now,
    identity: { sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
    requestId: `req-${connectionId}-${now}`,
    domainName: DOMAIN_NAME,
    connectionId,
    apiId: API_ID,
    ...(authorizer === undefined ? {} : { authorizer }),
  };
}

/** The REQUEST authorizer event of a connection opened with `query` (e.g. `{ token }`). */
export function authorizerEvent(query: Record<string, string> | null, connectionId = 'Q0xJRU5UMQ=') {
  return {
    type: 'REQUEST',
    methodArn: CONNECT_METHOD_ARN,
    headers: HEADERS,
    multiValueHeaders: multi(HEADERS),
    queryStringParameters: query,
    multiValueQueryStringParameters: query && multi(query),
    stageVariables: {},
    requestContext: requestContext('$connect', 'CONNECT', connectionId),
  };
}

/** `requestContext.authorizer` as API Gateway passes on an authorizer's result: context values as strings, plus principalId. */
export function passedOn(result: Pick<AuthorizerResult, 'principalId' | 'context'>): Record<string, unknown> {
  return {
    ...Object.fromEntries(Object.entries(result.context).map(([key, value]) => [key, String(value)])),
    principalId: result.principalId,
    integrationLatency: 17,
  };
}

/** The `$connect` route event; `query` is what the client put on the URL (never trusted for identity). */
export function connectEvent(connectionId: string, authorizer: Record<string, unknown> | undefined, query: Record<string, string> = {}) {
  return {
    headers: HEADERS,
    multiValueHeaders: multi(HEADERS),
    queryStringParameters: query,
    multiValueQueryStringParameters: multi(query),
    requestContext: requestContext('$connect', 'CONNECT', connectionId, authorizer),
    isBase64Encoded: false,
  };
}

/** A `$default` event carrying one client frame (`message` is serialised unless it is already text). */
export function messageEvent(
  connectionId: string,
  authorizer: Record<string, unknown> | undefined,
  message: unknown,
  isBase64Encoded = false,
) {
  const context = requestContext('$default', 'MESSAGE', connectionId, authorizer);
  return {
    requestContext: { ...context, messageId: `msg-${connectionId}-${context.requestTimeEpoch}` },
    body: typeof message === 'string' ? message : JSON.stringify(message),
    isBase64Encoded,
  };
}

/** The `$disconnect` event of a client that closed the socket. */
export function disconnectEvent(connectionId: string, authorizer: Record<string, unknown> | undefined) {
  return {
    headers: { Host: DOMAIN_NAME, 'x-api-key': '', 'X-Forwarded-For': '', 'x-restapi': '' },
    multiValueHeaders: {},
    requestContext: {
      ...requestContext('$disconnect', 'DISCONNECT', connectionId, authorizer),
      disconnectStatusCode: 1001,
      disconnectReason: 'Going away',
    },
    isBase64Encoded: false,
  };
}
