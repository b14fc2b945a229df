/** Lambda entry: the same Express app behind API Gateway (HTTP API v2 or REST v1) through @vendia/serverless-express. */
import type { RequestListener } from 'node:http';
import { createApp, type AppDeps } from './app';
import { createTokenVerifier } from './auth/create-token-verifier';
import { lambdaCatalogue } from './catalogue/lambda-catalogue';
import { loadConfig, type ApiConfig } from './config';
import { createSfnClient } from './sfn-client';

/** A Lambda handler for API Gateway proxy events (promise style). */
export type ApiGatewayHandler = (event: unknown, context: unknown) => Promise<unknown>;

// The package ships no type declarations; this is the part we use.
type ServerlessExpress = (options: { app: RequestListener }) => (event: unknown, context: unknown, callback?: unknown) => Promise<unknown>;

/** Wraps the app for Lambda; deps default to the configured clients and the bundled catalogue. */
export function createLambdaHandler(config: ApiConfig, deps: Partial<AppDeps> = {}): ApiGatewayHandler {
  const serverlessExpress = require('@vendia/serverless-express') as ServerlessExpress;
  const app = createApp(config, { ...deps, catalogue: deps.catalogue ?? lambdaCatalogue(config), sfn: deps.sfn ?? createSfnClient(config), verifyToken: deps.verifyToken ?? createTokenVerifier(config.auth, { maxLifetimeSeconds: config.maxTokenLifetimeSeconds }) });
  const proxy = serverlessExpress({ app });
  return (event, context) => proxy(event, context);
}

let cached: ApiGatewayHandler | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: ApiGatewayHandler = (event, context) => {
  cached ??= createLambdaHandler(loadConfig(process.env));
  return cached(event, context);
};
