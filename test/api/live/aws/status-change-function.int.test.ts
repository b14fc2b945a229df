import type { ApprovalRecord } from '../../../../api/approvals/approval-record';
import { createStatusChangeFunction, type StatusChangeFunction } from '../../../../api/live/aws/status-change-function';
import { toStatusChangeEvent, type StatusChangeStatus } from '../../../../api/live/status-change-event';
import type { LiveTopic } from '../../../../api/live/live-event';
import { ACCOUNT, startLiveAwsHarness, type LiveAwsHarness } from './live-aws-harness';

let harness: LiveAwsHarness;
let statusChanged: StatusChangeFunction;
let clock: { now: number };

const STARTED_AT = Date.parse('2024-05-01T10:00:00.000Z');
const STOPPED_AT = Date.parse('2024-05-01T10:05:00.000Z');
const TASK_TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAT0pSecretTaskToken';

beforeAll(async () => {
  harness = await startLiveAwsHarness();
  clock = { now: Date.parse('2024-05-01T10:06:00.000Z') };
  statusChanged = createStatusChangeFunction({
    catalogue: harness.catalogue,
    approvals: harness.approvals,
    store: harness.store,
    connections: harness.connections,
    now: () => clock.now,
  });
});

afterAll(() => harness.stop());

beforeEach(async () => {
  for (const connection of await harness.store.list()) await harness.store.delete(connection.connectionId);
  harness.standIn.reset();
});

/** A stored, open connection of `user` subscribed to `topics`, its token valid for an hour from the test clock. */
async function connection(
  connectionId: string,
  user: string,
  groups: string[],
  topics: LiveTopic[],
  expiresAt = Math.floor(clock.now / 1000) + 3600,
): Promise<string> {
  await harness.store.put(connectionId, { user, groups, expiresAt }, new Date(clock.now).toISOString());
  for (const topic of topics) await harness.store.subscribe(connectionId, topic);
  harness.standIn.open(connectionId);
  return connectionId;
}

/** The EventBridge envelope AWS sends when a run of `workflow` (a state machine `statecraft-test-<workflow>`) changes status. */
function statusChange(
  workflow: string,
  runId: string,
  status: StatusChangeStatus,
  extra: { input?: string; output?: string; error?: string; cause?: string } = {},
) {
  const stateMachineArn = `arn:aws:states:${ACCOUNT.region}:${ACCOUNT.accountId}:stateMachine:${ACCOUNT.stateMachinePrefix}${workflow}`;
  return toStatusChangeEvent({
    arn: `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${runId}`,
    stateMachineArn,
    name: runId,
    status,
    input: extra.input ?? '{"orderId":"o-1"}',
    startedAt: STARTED_AT,
    ...(status === 'RUNNING' ? {} : { stoppedAt: STOPPED_AT }),
    ...(extra.output === undefined ? {} : { output: extra.output }),
    ...(extra.error === undefined ? {} : { error: extra.error }),
    ...(extra.cause === undefined ? {} : { cause: extra.cause }),
  });
}

/** A pending approval of a run, as the approval-request function stores it. */
function pendingApproval(approvalId: string, workflow: string, runId: string): ApprovalRecord {
  return {
    approvalId,
    runId,
    executionArn: `arn:aws:states:${ACCOUNT.region}:${ACCOUNT.accountId}:execution:${ACCOUNT.stateMachinePrefix}${workflow}:${runId}`,
    stateName: 'Finance approval',
    workflow,
    approvers: { users: [], groups: ['finance'], allowRequester: false },
    message: 'Refund EUR 900?',
    input: { orderId: 'o-1' },
    requestedBy: 'sam',
    requestedAt: new Date(STARTED_AT + 1000).toISOString(),
    status: 'pending',
    taskToken: TASK_TOKEN,
  };
}

describe('the status-change function', () => {
  it("sends the local hub's run.started to subscribers who may read the workflow", async () => {
    const viewer = await connection('dmlld2Vy', 'ada', ['viewers'], [{ kind: 'all' }]);
    const operator = await connection('b3BlcmF0b3I=', 'ops', ['operators'], [{ kind: 'workflow', workflow: 'deploy-service' }]);
    const otherWorkflow = await connection('b3RoZXI=', 'ada', ['viewers'], [{ kind: 'workflow', workflow: 'nightly-report' }]);
    const noGroups = await connection('bm9ncm91cHM=', 'nog', [], [{ kind: 'all' }]);
    const unsubscribed = await connection('cXVpZXQ=', 'ada', ['viewers'], []);
    const change = statusChange('deploy-service', 'deploy-1', 'RUNNING');

    const outcome = await statusChanged(change);

    const expected = {
      type: 'run.started',
      seq: STARTED_AT,
      runId: 'deploy-1',
      workflow: 'deploy-service',
      time: '2024-05-01T10:00:00Z',
      data: {
        status: 'RUNNING',
        executionArn: change.detail.executionArn,
        startDate: '2024-05-01T10:00:00.000Z',
        input: '{"orderId":"o-1"}',
      },
    };
    expect(harness.standIn.received(viewer)).toStrictEqual([expected]);
    expect(harness.standIn.received(operator)).toStrictEqual([expected]);
    expect([otherWorkflow, noGroups, unsubscribed].map((id) => harness.standIn.received(id))).toStrictEqual([[], [], []]);
    expect(outcome).toStrictEqual({
      workflow: 'deploy-service',
      runId: 'deploy-1',
      events: ['run.started'],
      cancelledApprovals: [],
      delivery: { sent: 2, gone: 0, expired: 0, failed: 0 },
    });
  });

  it('keeps the finance-only workflow invisible to everyone else, whatever they subscribed to', async () => {
    const finance = await connection('ZmluYW5jZQ==', 'fin', ['finance'], [{ kind: 'all' }]);
    const viewerAll = await connection('dmlld2Vy', 'ada', ['viewers'], [{ kind: 'all' }]);
    const viewerRun = await connection('dmlld2VycnVu', 'eve', ['viewers', 'operators', 'approvers'], [{ kind: 'run', runId: 'refund-1' }]);
    const byName = await connection('YnluYW1l', 'eve', ['viewers'], [{ kind: 'workflow', workflow: 'refund-request' }]);

    await statusChanged(statusChange('refund-request', 'refund-1', 'SUCCEEDED', { output: '{"refunded":true}' }));

    expect(harness.standIn.received(finance)).toMatchObject([
      {
        type: 'run.succeeded',
        runId: 'refund-1',
        workflow: 'refund-request',
        seq: STOPPED_AT,
        data: { status: 'SUCCEEDED', output: '{"refunded":true}', stopDate: '2024-05-01T10:05:00.000Z' },
      },
    ]);
    expect([viewerAll, viewerRun, byName].map((id) => harness.standIn.received(id))).toStrictEqual([[], [], []]);
  });

  it('cancels the pending approvals of a run that ended and tells finance, without the task token', async () => {
    const finance = await connection('ZmluYW5jZQ==', 'fin', ['finance'], [{ kind: 'run', runId: 'refund-2' }]);
    const viewer = await connection('dmlld2Vy', 'ada', ['viewers'], [{ kind: 'all' }]);
    await harness.approvals.put(pendingApproval('appr-1', 'refund-request', 'refund-2'));
    await harness.approvals.put(pendingApproval('appr-other-run', 'refund-request', 'refund-3'));

    const outcome = await statusChanged(
      statusChange('refund-request', 'refund-2', 'FAILED', { error: 'States.TaskFailed', cause: 'card declined' }),
    );

    expect(outcome).toMatchObject({ events: ['run.failed', 'approval.cancelled'], cancelledApprovals: ['appr-1'] });
    expect(await harness.approvals.get('appr-1')).toMatchObject({ status: 'cancelled', cancelReason: 'FAILED' });
    expect(await harness.approvals.get('appr-other-run')).toMatchObject({ status: 'pending' });
    const received = harness.standIn.received(finance);
    expect(received).toMatchObject([
      { type: 'run.failed', data: { status: 'FAILED', error: 'States.TaskFailed', cause: 'card declined' } },
      {
        type: 'approval.cancelled',
        runId: 'refund-2',
        workflow: 'refund-request',
        seq: clock.now,
        data: { approvalId: 'appr-1', stateName: 'Finance approval', status: 'cancelled', reason: 'FAILED' },
      },
    ]);
    expect(JSON.stringify(received)).not.toContain(TASK_TOKEN);
    expect(harness.standIn.received(viewer)).toStrictEqual([]);
  });

  it('leaves the approvals of a running run pending', async () => {
    await harness.approvals.put(pendingApproval('appr-running', 'refund-request', 'refund-4'));

    const outcome = await statusChanged(statusChange('refund-request', 'refund-4', 'RUNNING'));

    expect(outcome).toMatchObject({ cancelledApprovals: [] });
    expect(await harness.approvals.get('appr-running')).toMatchObject({ status: 'pending' });
  });

  it("never sends a task token found in a run's input", async () => {
    const viewer = await connection('dmlld2Vy', 'ada', ['viewers'], [{ kind: 'all' }]);

    await statusChanged(
      statusChange('deploy-service', 'deploy-2', 'RUNNING', { input: JSON.stringify({ service: 'checkout', taskToken: TASK_TOKEN }) }),
    );

    expect(harness.standIn.received(viewer)).toMatchObject([{ type: 'run.started', data: { input: '{"service":"checkout"}' } }]);
  });

  it('drops input and output from an event too large for one API Gateway message, and still sends it', async () => {
    const viewer = await connection('dmlld2Vy', 'ada', ['viewers'], [{ kind: 'all' }]);
    const output = JSON.stringify({ report: 'x'.repeat(200 * 1024) });

    await statusChanged(statusChange('deploy-service', 'deploy-big', 'SUCCEEDED', { output }));

    const [event] = harness.standIn.received(viewer);
    expect(event).toMatchObject({
      type: 'run.succeeded',
      runId: 'deploy-big',
      data: { status: 'SUCCEEDED', stopDate: '2024-05-01T10:05:00.000Z' },
    });
    expect(event?.data).not.toHaveProperty('output');
  });

  it.each([
    [
      'a state machine outside the catalogue',
      () => ({
        ...statusChange('deploy-service', 'x-1', 'RUNNING'),
        detail: {
          ...statusChange('deploy-service', 'x-1', 'RUNNING').detail,
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:statecraft-test-mystery',
        },
      }),
    ],
    [
      "a catalogue name without the stage prefix (another stage's state machine)",
      () => ({
        ...statusChange('refund-request', 'x-2', 'SUCCEEDED'),
        detail: {
          ...statusChange('refund-request', 'x-2', 'SUCCEEDED').detail,
          stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:refund-request',
        },
      }),
    ],
    [
      'an event that is not a status change',
      () => ({ version: '0', id: 'e-1', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }),
    ],
  ])('ignores %s', async (_case, event) => {
    const admin = await connection('YWRtaW4=', 'root', ['admins'], [{ kind: 'all' }]);

    const outcome = await statusChanged(event());

    expect(outcome).toMatchObject({ ignored: expect.any(String) });
    expect(harness.standIn.received(admin)).toStrictEqual([]);
  });

  it('forgets connections that are gone and closes those whose token expired, still reaching the others', async () => {
    const gone = await connection('Z29uZQ==', 'ada', ['viewers'], [{ kind: 'all' }]);
    const expired = await connection('ZXhwaXJlZA==', 'ada', ['viewers'], [{ kind: 'all' }], Math.floor(clock.now / 1000) - 1);
    const live = await connection('bGl2ZQ==', 'ada', ['viewers'], [{ kind: 'all' }]);
    harness.standIn.drop(gone);

    const outcome = await statusChanged(statusChange('deploy-service', 'deploy-3', 'ABORTED'));

    expect(outcome).toMatchObject({ delivery: { sent: 1, gone: 1, expired: 1, failed: 0 } });
    expect(harness.standIn.received(live)).toMatchObject([{ type: 'run.aborted' }]);
    expect(harness.standIn.received(expired)).toStrictEqual([]);
    expect(harness.standIn.closed).toStrictEqual([expired]);
    expect((await harness.store.list()).map((each) => each.connectionId)).toStrictEqual([live]);
  });
});
