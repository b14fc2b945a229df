/**
 * The REQUEST authorizer of the live-events WebSocket API's `$connect` route. Browsers cannot set
 * headers on a WebSocket, so the bearer token comes as `?token=`; it is verified exactly as the
 * REST API verifies it, and the caller it names travels on as the policy's `context`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html
 */
import type { APIGatewayAuthorizerWithContextResult } from 'aws-lambda';
import { createTokenVerifier, type VerifyToken } from '../../auth/create-token-verifier';
import { loadConfig } from '../../config';
import { jsonLogger, silentLogger, type ApiLogger } from '../../logger';
import { toAuthorizerContext, type AuthorizerContext } from './authorizer-context';

/** The policy API Gateway applies to the connection, and the verified caller. */
export type AuthorizerResult = APIGatewayAuthorizerWithContextResult<AuthorizerContext>;

/** A Lambda handler for REQUEST authorizer events. */
export type WebSocketAuthorizer = (event: unknown) => Promise<AuthorizerResult>;

/** What the authorizer needs: the product's token verifier. */
export type WebSocketAuthorizerDeps = { verifyToken: VerifyToken; logger?: ApiLogger };

/** API Gateway answers 401 when an authorizer fails with exactly this message. */
const UNAUTHORIZED = 'Unauthorized';

/** Allows `execute-api:Invoke` on the connecting route for a valid `token`; throws `Unauthorized` otherwise. */
export function createWebSocketAuthorizer({ verifyToken, logger = silentLogger }: WebSocketAuthorizerDeps): WebSocketAuthorizer {
  return async (event) => {
    const request = parseRequest(event);
    if (!request) throw new Error(UNAUTHORIZED);
    let context: AuthorizerContext | undefined;
    try {
      context = toAuthorizerContext(await verifyToken(request.token));
    } catch (error) {
      logger.info('live: connection refused', { reason: error instanceof Error ? error.message : String(error) });
    }
    if (!context) throw new Error(UNAUTHORIZED);
    return {
      principalId: context.user,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: request.methodArn }],
      },
      context,
    };
  };
}

/** The method ARN and token of a REQUEST authorizer event, or undefined when either is missing. */
function parseRequest(event: unknown): { methodArn: string; token: string } | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const { type, methodArn, queryStringParameters } = event as Record<string, unknown>;
  if (type !== 'REQUEST' || typeof methodArn !== 'string' || typeof queryStringParameters !== 'object' || queryStringParameters === null)
    return undefined;
  const { token } = queryStringParameters as Record<string, unknown>;
  return typeof token === 'string' && token !== '' ? { methodArn, token } : undefined;
}

let cached: WebSocketAuthorizer | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: WebSocketAuthorizer = (event) => {
  if (!cached) {
    const config = loadConfig(process.env);
    cached = createWebSocketAuthorizer({
      verifyToken: createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }),
      logger: jsonLogger(),
    });
  }
  return cached(event);
};
