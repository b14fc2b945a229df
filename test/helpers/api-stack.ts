/** The API on the real embedded stack for tests: dynalite, the Step Functions emulator with the catalogue deployed, and createApp. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Express, RequestHandler } from 'express';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../api/app';
import { createWorkflowCatalogue } from '../../api/catalogue/compile-catalogue';
import type { WorkflowCatalogue } from '../../api/catalogue/workflow-catalogue';
import { catalogue } from '../../workflows/definitions';
import { ApprovalStore } from '../../api/approvals/approval-store';
import { ensureApprovalsTable } from '../../api/approvals/ensure-approvals-table';
import { runsTableSpec } from '../../api/ledger/run-ledger';
import { ensureTable } from '../../api/storage/ensure-table';
import { createTokenVerifier } from '../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../api/auth/load-signing-key';
import { signLocalToken } from '../../api/auth/sign-local-token';
import { loadConfig, type ApiConfig } from '../../api/config';
import { webConsole } from '../../api/web-console';
import { silentLogger, type ApiLogger } from '../../api/logger';
import { catalogueHandlers } from '../../cli/local/catalogue-handlers';
import { deployWorkflows } from '../../cli/local/deploy-workflows';
import { ensureTables } from '../../cli/local/ensure-tables';
import { localDefinitions } from '../../cli/local/local-definitions';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';
import { tables } from '../../workflows/definitions/tables';
import { startDynalite, type RunningDynalite } from './dynalite-server';
import { startEmulator, type RunningEmulator } from './emulator-server';

/** A running stack; `token()` signs with the same key the app verifies with. */
export type ApiStack = {
  app: Express;
  /** The catalogue the app serves (compiled from the sample workflows). */
  catalogue: WorkflowCatalogue;
  config: ApiConfig;
  sfn: SFNClient;
  token(user: string, groups: readonly string[], ttl?: string): Promise<string>;
  key: Uint8Array;
  stop(): Promise<void>;
};

/** What a test may change: more API environment (e.g. AUTH_MODE=cognito) and what the app serves at `/`. */
export type ApiStackOptions = { logger?: ApiLogger; env?: Record<string, string>; site?: RequestHandler };

/** Starts everything on loopback with free ports, the app serving a stand-in web console (unless `site`); the approval-request handler just returns {}. */
export async function startApiStack({ logger = silentLogger, env = {}, site }: ApiStackOptions = {}): Promise<ApiStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-api-'));
  let dynalite: RunningDynalite | undefined;
  let emulator: RunningEmulator | undefined;
  try {
    dynalite = await startDynalite();
    await ensureTables(dynalite.endpoint, tables);
    const dynamoClient = new DynamoDBClient({
      endpoint: dynalite.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await ensureApprovalsTable(dynamoClient);
    await ensureTable(dynamoClient, runsTableSpec());
    emulator = await startEmulator({
      taskHandlers: { ...catalogueHandlers(), [APPROVAL_REQUEST_FUNCTION]: () => ({}) },
      dynamodb: { endpoint: dynalite.endpoint },
    });
    const config = loadConfig({
      STATECRAFT_DATA_DIR: dataDir,
      SFN_ENDPOINT: emulator.endpoint,
      DYNAMODB_ENDPOINT: dynalite.endpoint,
      ...env,
    });
    await deployWorkflows(
      emulator.client,
      localDefinitions({ region: config.region, accountId: config.accountId }),
      `arn:aws:iam::${config.accountId}:role/test`,
    );
    const verifyToken = createTokenVerifier(config.auth);
    const key = config.auth.mode === 'local' ? loadSigningKey(config.auth.keyFile) : new Uint8Array();
    const webDir = path.join(dataDir, 'web');
    fs.mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Statecraft</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
    const served = createWorkflowCatalogue(catalogue, config);
    const app = createApp(config, {
      catalogue: served,
      sfn: emulator.client,
      verifyToken,
      logger,
      approvalStore: new ApprovalStore(dynamoClient),
      site: site ?? webConsole(webDir),
    });
    const [runningDynalite, runningEmulator] = [dynalite, emulator];
    return {
      app,
      catalogue: served,
      config,
      sfn: emulator.client,
      key,
      token: (user, groups, ttl) => signLocalToken({ user, groups, ttl }, key),
      async stop() {
        dynamoClient.destroy();
        await runningEmulator.stop();
        await runningDynalite.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await emulator?.stop();
    await dynalite?.stop();
    throw error;
  }
}

export { eventually } from './eventually';
