/**
 * What the live-events functions run against in these tests: dynalite with the connections and
 * approvals tables, the stand-in for API Gateway's connection management API, the sample catalogue
 * placed as on AWS (state machines named `statecraft-test-<workflow>`), and local HS256 tokens.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ApprovalStore } from '../../../../api/approvals/approval-store';
import { ensureApprovalsTable } from '../../../../api/approvals/ensure-approvals-table';
import { createTokenVerifier, type VerifyToken } from '../../../../api/auth/create-token-verifier';
import { loadSigningKey } from '../../../../api/auth/load-signing-key';
import { signLocalToken } from '../../../../api/auth/sign-local-token';
import { type WorkflowCatalogue } from '../../../../api/catalogue/workflow-catalogue';
import { createWorkflowCatalogue } from '../../../../api/catalogue/compile-catalogue';
import { loadConfig, SIGNING_KEY_FILE, type ApiConfig } from '../../../../api/config';
import { ConnectionStore, connectionsTableSpec } from '../../../../api/live/aws/connection-store';
import { connectionsApiOf, type ConnectionsApi } from '../../../../api/live/aws/connections-api';
import { ensureTable } from '../../../../api/storage/ensure-table';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../../../cli/local/local-dynamodb';
import { catalogue as sampleWorkflows } from '../../../../workflows/definitions';
import { startConnectionsApiStandIn, type ConnectionsApiStandIn } from '../../../helpers/connections-api-stand-in';

/** The account and stage prefix the catalogue is placed in. */
export const ACCOUNT = { region: 'us-east-1', accountId: '123456789012', stateMachinePrefix: 'statecraft-test-' };

/** Everything a test talks to. */
export type LiveAwsHarness = {
  /** The environment a deployed function would get, pointing at this harness. */
  env: Record<string, string>;
  config: ApiConfig;
  dynamodb: DynamoDBClient;
  store: ConnectionStore;
  approvals: ApprovalStore;
  standIn: ConnectionsApiStandIn;
  connections: ConnectionsApi;
  catalogue: WorkflowCatalogue;
  verifyToken: VerifyToken;
  /** A token of this stack's key (AUTH_MODE local). */
  token(user: string, groups: readonly string[], ttl?: string): Promise<string>;
  /** A well-formed token signed with some other key. */
  forgedToken(user: string, groups: readonly string[]): Promise<string>;
  stop(): Promise<void>;
};

/** Starts dynalite and the stand-in, creates the tables and a signing key in a fresh data dir. */
export async function startLiveAwsHarness(): Promise<LiveAwsHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-live-aws-'));
  const dynamo: LocalDynamoDb = await startLocalDynamoDb();
  const standIn = await startConnectionsApiStandIn({ stage: 'prod' });
  const env = {
    AUTH_MODE: 'local',
    STATECRAFT_DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: ACCOUNT.region,
    STATECRAFT_ACCOUNT_ID: ACCOUNT.accountId,
    STATE_MACHINE_PREFIX: ACCOUNT.stateMachinePrefix,
    WEBSOCKET_CALLBACK_URL: standIn.endpoint,
  };
  const config = loadConfig(env);
  const dynamodb = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: ACCOUNT.region,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureTable(dynamodb, connectionsTableSpec(config.tables.connections));
  await ensureApprovalsTable(dynamodb, config.tables.approvals);
  const key = loadSigningKey(path.join(dataDir, SIGNING_KEY_FILE));
  const otherKey = loadSigningKey(path.join(dataDir, 'someone-elses-key'));
  return {
    env,
    config,
    dynamodb,
    store: new ConnectionStore(dynamodb, config.tables.connections),
    approvals: new ApprovalStore(dynamodb, config.tables.approvals),
    standIn,
    connections: connectionsApiOf(standIn.client),
    catalogue: createWorkflowCatalogue(sampleWorkflows, ACCOUNT),
    verifyToken: createTokenVerifier(config.auth),
    token: (user, groups, ttl) => signLocalToken({ user, groups, ttl }, key),
    forgedToken: (user, groups) => signLocalToken({ user, groups }, otherKey),
    async stop() {
      dynamodb.destroy();
      await standIn.stop();
      await dynamo.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
