/** createApp(config, deps): the Express 5 app, shared by the local server and the Lambda entry (no listen). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import type { SFNClient } from '@aws-sdk/client-sfn';
import express, { type Express, type RequestHandler } from 'express';
import type { ApprovalClock } from './approvals/approval-clock';
import type { OnApprovalEvent } from './approvals/approval-event';
import { ApprovalStore } from './approvals/approval-store';
import type { VerifyToken } from './auth/create-token-verifier';
import { type WorkflowCatalogue } from './catalogue/workflow-catalogue';
import type { ApiConfig } from './config';
import { createDynamoDbClient } from './dynamodb-client';
import { createLexClient } from './lex-client';
import { RunLedger } from './ledger/run-ledger';
import { jsonLogger, type ApiLogger } from './logger';
import { authenticate } from './middleware/authenticate';
import { errorHandler, notFound } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { requestId } from './middleware/request-id';
import { approvalsRouter } from './routes/approvals';
import { chatRouter } from './routes/chat';
import { healthRouter } from './routes/health';
import { openApiRouter } from './routes/openapi';
import { runsRouter } from './routes/runs';
import { workflowsRouter } from './routes/workflows';
import type { RunSnapshots } from './runs/run-snapshots';

/** The app's collaborators, injected so tests can point them at loopback servers. */
export type AppDeps = {
  sfn: SFNClient;
  verifyToken: VerifyToken;
  /** Where pending approvals are kept (default: the `approvals` table at the configured DynamoDB). */
  approvalStore?: ApprovalStore;
  /** Who started which run (default: the `runs` table at the configured DynamoDB). */
  ledger?: RunLedger;
  /** The clock approvals expire by (default: the system clock). */
  approvalClock?: ApprovalClock;
  /** Hears approval decisions (the live hub); none by default. */
  onApprovalEvent?: OnApprovalEvent;
  logger?: ApiLogger;
  /** Runs described recently; pass one that hears the stack's changes to serve polls of unchanged runs without asking Step Functions (default: final runs only). */
  runSnapshots?: RunSnapshots;
  /** Static files served at `/` before the 404 (the local server passes the web console; the Lambda none). */
  site?: RequestHandler;
  /** The Lex V2 runtime the chat talks to (default: the configured endpoint). */
  lex?: LexRuntimeV2Client;
  /** The served workflows, compiled (locally at start-up, for the Lambda at bundle time). */
  catalogue: WorkflowCatalogue;
};

/** Builds the app: request id, JSON bodies, public routes, then authenticated routes, 404, errors. */
export function createApp(config: ApiConfig, deps: AppDeps): Express {
  const logger = deps.logger ?? jsonLogger();
  const { catalogue } = deps;
  let dynamodb: DynamoDBClient | undefined;
  const sharedDynamoDb = () => (dynamodb ??= createDynamoDbClient(config));
  const approvals = deps.approvalStore ?? new ApprovalStore(sharedDynamoDb(), config.tables.approvals);
  const lookup = { sfn: deps.sfn, catalogue, ledger: deps.ledger ?? new RunLedger(sharedDynamoDb(), config.tables.runs) };
  const clock = deps.approvalClock;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestId());
  app.use(healthRouter());
  app.use(openApiRouter());
  app.use('/api', authenticate(deps.verifyToken));
  app.use(jsonBody());
  app.use(workflowsRouter(lookup));
  app.use(runsRouter({ ...lookup, approvals, clock, snapshots: deps.runSnapshots }));
  app.use(approvalsRouter({ store: approvals, sfn: deps.sfn, accessOf: catalogue.accessOf, clock, onApprovalEvent: deps.onApprovalEvent }));
  app.use(chatRouter({ lex: deps.lex ?? createLexClient(config), bot: config.lex }));
  if (deps.site) app.use(deps.site);
  app.use(notFound());
  app.use(errorHandler(logger));
  return app;
}
