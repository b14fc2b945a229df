/**
 * The approval-request Lambda as AWS runs it: the engine's approval task invokes the Lambda handler
 * with its Payload, and the handler, configured only by endpoints, stores the pending approval.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { createApprovalRequestLambda, type ApprovalRequestLambda } from '../../../api/approvals/approval-request-lambda';
import { ApprovalStore } from '../../../api/approvals/approval-store';
import { RunLedger, runsTableSpec } from '../../../api/ledger/run-ledger';
import { ensureTable } from '../../../api/storage/ensure-table';
import { ensureApprovalsTable } from '../../../api/approvals/ensure-approvals-table';
import { loadConfig } from '../../../api/config';
import { catalogueHandlers } from '../../../cli/local/catalogue-handlers';
import { deployWorkflows } from '../../../cli/local/deploy-workflows';
import { ensureTables } from '../../../cli/local/ensure-tables';
import { localDefinitions } from '../../../cli/local/local-definitions';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../../cli/local/local-dynamodb';
import { deployServiceExample } from '../../../workflows/definitions';
import { tables } from '../../../workflows/definitions/tables';
import { APPROVAL_REQUEST_FUNCTION } from '../../../workflows/asl/approval-contract';
import { eventually } from '../../helpers/api-stack';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';

const ACCOUNT = { region: 'us-east-1', accountId: '123456789012' };

let dynamo: LocalDynamoDb;
let client: DynamoDBClient;
let emulator: RunningEmulator;
let lambda: ApprovalRequestLambda | undefined;

beforeAll(async () => {
  dynamo = await startLocalDynamoDb();
  client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: ACCOUNT.region,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureTables(dynamo.endpoint, tables);
  await ensureApprovalsTable(client);
  await ensureTable(client, runsTableSpec());
  // The engine invokes the function the way Lambda would: the task's Payload is the event.
  emulator = await startEmulator({
    taskHandlers: { ...catalogueHandlers(), [APPROVAL_REQUEST_FUNCTION]: (payload) => (lambda as ApprovalRequestLambda)(payload) },
    dynamodb: { endpoint: dynamo.endpoint },
  });
  lambda = createApprovalRequestLambda(
    loadConfig({ SFN_ENDPOINT: emulator.endpoint, DYNAMODB_ENDPOINT: dynamo.endpoint, AUTH_MODE: 'local' }),
  );
  await deployWorkflows(emulator.client, localDefinitions(ACCOUNT), `arn:aws:iam::${ACCOUNT.accountId}:role/test`);
});

afterAll(async () => {
  client.destroy();
  await emulator.stop();
  await dynamo.stop();
});

describe('the approval-request Lambda', () => {
  it('stores the pending approval of a run that reached its approval task, requester taken from the run ledger', async () => {
    const input = { ...deployServiceExample, requestedBy: 'mallory', rollout: { ...deployServiceExample.rollout, bakeSeconds: 1 } };
    const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:deploy-service';
    const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:lambda-1`;
    await new RunLedger(client).claim({
      runId: 'lambda-1',
      workflow: 'deploy-service',
      executionArn,
      startedBy: 'dana',
      channel: 'api',
      startedAt: new Date().toISOString(),
    });
    await emulator.client.send(new StartExecutionCommand({ stateMachineArn, name: 'lambda-1', input: JSON.stringify(input) }));
    const store = new ApprovalStore(client);

    const [approval] = await eventually(
      async () => {
        const found = await store.list({ runId: 'lambda-1' });
        return found.length ? found : undefined;
      },
      { timeout: 30_000 },
    );

    expect(approval).toMatchObject({
      executionArn,
      runId: 'lambda-1',
      workflow: 'deploy-service',
      stateName: 'Approve production',
      status: 'pending',
      requestedBy: 'dana',
    });
    expect(approval.taskToken.length).toBeGreaterThan(10);
  });

  it('refuses a malformed payload without storing anything', async () => {
    const store = new ApprovalStore(client);
    const before = (await store.list()).length;

    await expect((lambda as ApprovalRequestLambda)({ executionArn: 'nope' })).rejects.toThrow(/invalid payload/);
    expect((await store.list()).length).toBe(before);
  });
});
