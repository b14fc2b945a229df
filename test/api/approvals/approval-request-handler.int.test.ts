import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ApprovalEvent } from '../../../api/approvals/approval-event';
import { approvalRequestHandler } from '../../../api/approvals/approval-request-handler';
import { ApprovalStore } from '../../../api/approvals/approval-store';
import { ensureApprovalsTable } from '../../../api/approvals/ensure-approvals-table';
import { publicApproval } from '../../../api/approvals/public-approval';
import { RunLedger, runsTableSpec } from '../../../api/ledger/run-ledger';
import { ensureTable } from '../../../api/storage/ensure-table';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../../cli/local/local-dynamodb';

const NOW = Date.parse('2024-01-01T00:00:00.000Z');
const TOKEN = 'secret-task-token-0123456789';
const ARN = 'arn:aws:states:us-east-1:123456789012:execution:release-flow:r-abc123';

function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskToken: TOKEN,
    executionArn: ARN,
    stateName: 'Approve release',
    workflow: 'release-flow',
    approvers: { users: ['alice'], groups: ['approvers'], allowRequester: false },
    message: 'Ship checkout?',
    input: { service: 'checkout', startedBy: 'mallory' },
    timeoutSeconds: 86400,
    ...overrides,
  };
}

describe('approvalRequestHandler', () => {
  let dynamo: LocalDynamoDb;
  let client: DynamoDBClient;
  let store: ApprovalStore;
  let ledger: RunLedger;
  const handler = () => approvalRequestHandler({ store, ledger, clock: { now: () => NOW } });

  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
    client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await ensureApprovalsTable(client);
    await ensureTable(client, runsTableSpec());
    store = new ApprovalStore(client);
    ledger = new RunLedger(client);
    // r-abc123 was started through Statecraft by dana; r-outside123 by the AWS CLI (no ledger item).
    await ledger.claim({
      runId: 'r-abc123',
      workflow: 'release-flow',
      executionArn: ARN,
      startedBy: 'dana',
      channel: 'api',
      startedAt: '2024-01-01T00:00:00.000Z',
    });
  });

  afterAll(async () => {
    client.destroy();
    await dynamo.stop();
  });

  it('stores the pending approval with run, state, policy, message, input, times and token', async () => {
    const { approvalId } = await handler()(payload());

    const record = await store.get(approvalId);

    expect(approvalId).toMatch(/^ap-[0-9a-f]{8}$/);
    expect(record).toStrictEqual({
      approvalId,
      runId: 'r-abc123',
      executionArn: ARN,
      stateName: 'Approve release',
      workflow: 'release-flow',
      approvers: { users: ['alice'], groups: ['approvers'], allowRequester: false },
      message: 'Ship checkout?',
      input: { service: 'checkout', startedBy: 'mallory' },
      requestedBy: 'dana',
      requestedAt: '2024-01-01T00:00:00.000Z',
      expiresAt: '2024-01-02T00:00:00.000Z',
      status: 'pending',
      taskToken: TOKEN,
    });
  });

  it('leaves the requester unknown for a run with no ledger item, whatever its input says', async () => {
    const outside = 'arn:aws:states:us-east-1:123456789012:execution:release-flow:r-outside123';

    const { approvalId } = await handler()(
      payload({ taskToken: 'token-outside', executionArn: outside, input: { requestedBy: 'mallory' } }),
    );
    const record = await store.get(approvalId);

    expect(record?.requestedBy).toBeUndefined();
    expect(publicApproval(record!, NOW).requesterKnown).toBe(false);
  });

  it('returns the same approval id when called again with the same token, without a second record', async () => {
    const token = 'token-called-twice';

    const first = await handler()(payload({ taskToken: token }));
    const second = await handler()(payload({ taskToken: token, message: 'changed' }));
    const forRun = (await store.list({ runId: 'r-abc123' })).filter((record) => record.taskToken === token);

    expect(second).toStrictEqual(first);
    expect(forRun).toHaveLength(1);
    expect(forRun[0].message).toBe('Ship checkout?');
  });

  it('tells onApprovalEvent approval.requested once per stored approval, without the token', async () => {
    const heard: ApprovalEvent[] = [];
    const listening = approvalRequestHandler({ store, ledger, clock: { now: () => NOW }, onApprovalEvent: (event) => heard.push(event) });

    const { approvalId } = await listening(payload({ taskToken: 'token-heard' }));
    await listening(payload({ taskToken: 'token-heard' }));

    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({
      type: 'approval.requested',
      approval: { approvalId, runId: 'r-abc123', status: 'pending', requestedBy: 'dana' },
    });
    expect(JSON.stringify(heard)).not.toContain('token-heard');
  });

  it('still stores the approval when onApprovalEvent throws', async () => {
    const onApprovalEvent = (): void => {
      throw new Error('listener down');
    };
    const throwing = approvalRequestHandler({ store, ledger, clock: { now: () => NOW }, onApprovalEvent });

    const { approvalId } = await throwing(payload({ taskToken: 'token-listener-down' }));

    expect((await store.get(approvalId))?.status).toBe('pending');
  });

  it('gives different tokens different approval ids', async () => {
    const a = await handler()(payload({ taskToken: 'token-a' }));

    const b = await handler()(payload({ taskToken: 'token-b' }));

    expect(a.approvalId).not.toBe(b.approvalId);
  });

  it('rejects a malformed payload naming the fields but never the token', async () => {
    const call = handler()(payload({ approvers: 'everyone', stateName: 7 }));

    await expect(call).rejects.toThrow('approval-request got an invalid payload (stateName, approvers)');
    await expect(call).rejects.not.toThrow(TOKEN);
  });

  it('leaves the token out of the public view and reads a pending approval past its expiry as expired', async () => {
    const { approvalId } = await handler()(payload({ taskToken: 'token-view' }));
    const record = await store.get(approvalId);

    const before = publicApproval(record!, NOW);
    const after = publicApproval(record!, Date.parse('2024-01-02T00:00:00.000Z'));

    expect(JSON.stringify(before)).not.toContain('token-view');
    expect(before).not.toHaveProperty('taskToken');
    expect(before.status).toBe('pending');
    expect(after.status).toBe('expired');
  });
});
