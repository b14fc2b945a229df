/** Lambda entry: the same Express app behind API Gateway (HTTP API v2 or REST v1) through @vendia/serverless-express. */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { configure } from '@vendia/serverless-express';
import { createApp, type AppDeps } from './app';
import { createTokenVerifier } from './auth/create-token-verifier';
import { lambdaCatalogue } from './catalogue/lambda-catalogue';
import { loadConfig, type ApiConfig } from './config';
import { createSfnClient } from './sfn-client';

/** A Lambda handler for API Gateway proxy events (promise style). */
export type ApiGatewayHandler = (event: unknown, context: unknown) => Promise<unknown>;

// The package's declarations give `framework.sendRequest` no `app` and a void result; this is the part we use, as it is called.
type SendRequest = (args: { app: RequestListener; request: IncomingMessage; response: ServerResponse }) => Promise<void>;
type ServerlessExpress = (options: {
  app: RequestListener;
  framework?: { sendRequest: SendRequest };
}) => (event: unknown, context: unknown, callback?: unknown) => Promise<unknown>;

/**
 * Hands the request to the app and settles when the response has finished. serverless-express marks
 * the request as read as soon as `sendRequest` settles (CodeGenieApp/serverless-express#693), and its
 * own resolves at once: behind the async `authenticate`, express.json then skipped every body.
 */
const sendRequest: SendRequest = ({ app, request, response }) =>
  new Promise((resolve, reject) => {
    response.once('finish', () => resolve());
    response.once('error', reject);
    app(request, response);
  });

/** Wraps the app for Lambda; deps default to the configured clients and the bundled catalogue. */
export function createLambdaHandler(config: ApiConfig, deps: Partial<AppDeps> = {}): ApiGatewayHandler {
  const serverlessExpress = configure as unknown as ServerlessExpress;
  const app = createApp(config, {
    ...deps,
    catalogue: deps.catalogue ?? lambdaCatalogue(config),
    sfn: deps.sfn ?? createSfnClient(config),
    verifyToken: deps.verifyToken ?? createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }),
  });
  const proxy = serverlessExpress({ app, framework: { sendRequest } });
  return (event, context) => proxy(event, context);
}

let cached: ApiGatewayHandler | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: ApiGatewayHandler = (event, context) => {
  cached ??= createLambdaHandler(loadConfig(process.env));
  return cached(event, context);
};
