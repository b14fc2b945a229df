/**
 * The event API Gateway hands a WebSocket route's function: which route, which connection, through
 * which API and stage, and what the authorizer verified at `$connect` (API Gateway fills
 * `requestContext.authorizer`; a client cannot set it).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */

/** The fields the routes use. */
export type WebSocketEvent = {
  routeKey: string;
  connectionId: string;
  domainName: string;
  stage: string;
  /** `requestContext.authorizer`, parsed by parseAuthorizerContext. */
  authorizer: unknown;
  body?: string;
  isBase64Encoded: boolean;
};

/** The event, or undefined when `value` is not a WebSocket route event. */
export function parseWebSocketEvent(value: unknown): WebSocketEvent | undefined {
  if (!isObject(value) || !isObject(value.requestContext)) return undefined;
  const { routeKey, connectionId, domainName, stage, authorizer } = value.requestContext;
  if (typeof routeKey !== 'string' || typeof connectionId !== 'string' || typeof domainName !== 'string' || typeof stage !== 'string')
    return undefined;
  const body = typeof value.body === 'string' ? value.body : undefined;
  return {
    routeKey,
    connectionId,
    domainName,
    stage,
    authorizer,
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: value.isBase64Encoded === true,
  };
}

/** The connection management endpoint of the API and stage the event came through. */
export function callbackUrlOf(event: Pick<WebSocketEvent, 'domainName' | 'stage'>): string {
  return `https://${event.domainName}/${event.stage}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
