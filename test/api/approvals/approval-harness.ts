/**
 * Dynalite, the Step Functions emulator with the real approval-request handler, the run ledger, and
 * a workflow with one approval. Runs start through the real start path (ledger item, verified
 * starter), or outside Statecraft (StartExecution straight to the engine, no ledger item).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, StartExecutionCommand, type DescribeExecutionCommandOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { approvalRequestHandler } from '../../../api/approvals/approval-request-handler';
import type { ApprovalRecord } from '../../../api/approvals/approval-record';
import { ApprovalStore } from '../../../api/approvals/approval-store';
import { ensureApprovalsTable } from '../../../api/approvals/ensure-approvals-table';
import type { ResolvedAccess } from '../../../api/access/access-rule';
import { createWorkflowCatalogue } from '../../../api/catalogue/compile-catalogue';
import { RunLedger, runsTableSpec } from '../../../api/ledger/run-ledger';
import type { RunLookup } from '../../../api/runs/find-run';
import { startRun as startThroughStatecraft } from '../../../api/runs/start-run';
import { ensureTable } from '../../../api/storage/ensure-table';
import { deployWorkflows } from '../../../cli/local/deploy-workflows';
import { localDefinitions } from '../../../cli/local/local-definitions';
import { eventually } from '../../helpers/eventually';
import { startLocalDynamoDb, type LocalDynamoDb } from '../../../cli/local/local-dynamodb';
import { startWorkflow, workflow } from '../../../workflows/dsl';
import type { TaskHandler, VirtualClock } from '../../../workflows/engine';
import { createFakeClock } from '../../helpers/fake-clock';
import { startEmulator, type RunningEmulator } from '../../helpers/emulator-server';

const ACCOUNT = { region: 'us-east-1', accountId: '123456789012' };
const ROLE = 'arn:aws:iam::123456789012:role/statecraft-test';

/** The approval under test: users alice, group approvers, requester not allowed, 1 hour to decide. */
export const APPROVAL_TIMEOUT_MS = 3_600_000;

const releaseFlow = workflow(
  'release-flow',
  { description: 'One approval.', example: { service: 'checkout', requestedBy: 'dana' } },
  (start) =>
    start
      .approval('Approve release', { approvers: { users: ['alice'], groups: ['approvers'] }, message: 'Ship {$.service}?', timeout: '1h' })
      .onRejected((b) => b.fail('Rejected', { error: 'ReleaseRejected', causePath: '$.approval.Cause' }))
      .onExpired((b) => b.fail('Expired', { error: 'ApprovalExpired' }))
      .succeed('Shipped'),
);

/** Starts release-flow as a nested run, so its approval's requester is whoever started this one. */
const releaseTrain = workflow('release-train', { description: 'Runs release-flow nested.', example: { service: 'checkout' } }, (start) =>
  start.task('Release', startWorkflow(releaseFlow), { resultPath: '$.release' }).succeed('Released'),
);

/** Everything a test talks to; `skew` shifts the API's clock against the engine's. */
export type ApprovalHarness = {
  /** The client of the harness's dynalite, for other tables. */
  dynamodb: DynamoDBClient;
  store: ApprovalStore;
  sfn: SFNClient;
  ledger: RunLedger;
  lookup: RunLookup;
  accessOf: (workflow: string) => ResolvedAccess;
  engineClock: VirtualClock;
  apiClock: { now(): number; skew: number };
  /** Starts a run through Statecraft as `startedBy` (default dana), and waits for its approval. */
  startRun(
    runId: string,
    options?: { input?: Record<string, unknown>; startedBy?: string },
  ): Promise<{ executionArn: string; approval: ApprovalRecord }>;
  /** Starts release-train through Statecraft as `startedBy`; its nested release-flow run waits for the approval returned. */
  startNested(runId: string, startedBy: string): Promise<{ executionArn: string; approval: ApprovalRecord }>;
  /** Starts a run straight on the engine, as the AWS CLI would: no ledger item. */
  startOutside(runId: string, input?: Record<string, unknown>): Promise<{ executionArn: string; approval: ApprovalRecord }>;
  finished(executionArn: string): Promise<DescribeExecutionCommandOutput>;
  stop(): Promise<void>;
};

/** Starts dynalite and the emulator, creates the table and deploys release-flow. */
export async function startApprovalHarness(): Promise<ApprovalHarness> {
  const dynamo: LocalDynamoDb = await startLocalDynamoDb();
  const dynamoClient = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  await ensureApprovalsTable(dynamoClient);
  await ensureTable(dynamoClient, runsTableSpec());
  const store = new ApprovalStore(dynamoClient);
  const ledger = new RunLedger(dynamoClient);
  const engineClock = createFakeClock();
  const apiClock = { skew: 0, now: () => engineClock.now() + apiClock.skew };
  // The handler follows nested runs through the emulator's own client, which exists once it listens.
  let handler: TaskHandler | undefined;
  const emulator: RunningEmulator = await startEmulator({
    clock: engineClock,
    taskHandlers: { get: (name: string) => (name === 'approval-request' ? handler : undefined) },
  });
  const sfn = emulator.client;
  handler = approvalRequestHandler({ store, ledger, sfn, clock: apiClock });
  await deployWorkflows(sfn, localDefinitions(ACCOUNT, [releaseFlow, releaseTrain] as never[]), ROLE);
  const catalogue = createWorkflowCatalogue([releaseFlow, releaseTrain] as never[], ACCOUNT);
  const lookup: RunLookup = { sfn, catalogue, ledger };
  const entry = catalogue.get('release-flow');
  const approvalOf = (runId: string) => eventually(async () => (await store.list({ runId }))[0], { what: `the approval of ${runId}` });
  return {
    dynamodb: dynamoClient,
    store,
    sfn,
    ledger,
    lookup,
    accessOf: catalogue.accessOf,
    engineClock,
    apiClock,
    async startRun(runId, { input = { service: 'checkout' }, startedBy = 'dana' } = {}) {
      const { run } = await startThroughStatecraft(lookup, entry, {
        runId,
        input,
        caller: { user: startedBy, groups: ['operators'] },
        channel: 'api',
      });
      return { executionArn: run.executionArn, approval: await approvalOf(runId) };
    },
    async startNested(runId, startedBy) {
      const before = new Set((await store.list()).map((record) => record.approvalId));
      await startThroughStatecraft(lookup, catalogue.get('release-train'), {
        runId,
        input: { service: 'checkout' },
        caller: { user: startedBy, groups: ['operators'] },
        channel: 'api',
      });
      const approval = await eventually(
        async () => (await store.list()).find((record) => !before.has(record.approvalId) && record.workflow === 'release-flow'),
        { what: `the nested approval of ${runId}` },
      );
      return { executionArn: approval.executionArn, approval };
    },
    async startOutside(runId, input = { service: 'checkout' }) {
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({ stateMachineArn: entry.stateMachineArn, name: runId, input: JSON.stringify(input) }),
      );
      return { executionArn: executionArn ?? '', approval: await approvalOf(runId) };
    },
    finished: (executionArn) =>
      eventually(
        async () => {
          const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
          return described.status === 'RUNNING' ? undefined : described;
        },
        { what: `${executionArn} to finish` },
      ),
    async stop() {
      await emulator.stop();
      dynamoClient.destroy();
      await dynamo.stop();
    },
  };
}
