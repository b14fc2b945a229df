/**
 * The embedded back end in this process: dynalite on disk (unless an endpoint is given), the
 * catalogue's tables, `approvals` and the `runs` ledger, the durable Step Functions engine with the
 * catalogue handlers and the real approval-request handler, and the catalogue deployed (create or
 * update). A run that ends while an approval of it waits cancels that approval.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { OnApprovalEvent } from '../../api/approvals/approval-event';
import { approvalRequestHandler } from '../../api/approvals/approval-request-handler';
import { ApprovalStore } from '../../api/approvals/approval-store';
import { cancelApprovalsOfRun } from '../../api/approvals/cancel-approvals-of-run';
import { ensureApprovalsTable } from '../../api/approvals/ensure-approvals-table';
import { RunLedger, runsTableSpec } from '../../api/ledger/run-ledger';
import { ensureTable } from '../../api/storage/ensure-table';
import { tables } from '../../workflows/definitions/tables';
import { APPROVAL_REQUEST_FUNCTION } from '../../workflows/asl/approval-contract';
import { approvalStepsOf } from '../../workflows/dsl';
import { ScaledClock, type EngineOptions, type Logger, type TaskHandler } from '../../workflows/engine';
import { createStepFunctionsServer } from '../../workflows/emulator';
import { catalogueHandlers } from './catalogue-handlers';
import { deployLabel, deployWorkflows, localSfnClient, type DeployResult } from './deploy-workflows';
import { ensureTables } from './ensure-tables';
import { listenOrExplain } from './listen-or-explain';
import { localDefinitions } from './local-definitions';
import { LOCAL_ACCOUNT } from './local-substitutions';
import { startLocalDynamoDb, type LocalDynamoDb } from './local-dynamodb';
import { timeAnchor } from './time-anchor';

/** Where and how to start; ports of 0 pick free ones (tests). */
export type EngineStackOptions = {
  dataDir: string;
  sfnPort: number;
  dynamodbPort: number;
  /** Use this DynamoDB instead of starting dynalite. */
  dynamodbEndpoint?: string;
  deploy?: boolean;
  /** Run time this many times faster (1: real time). */
  timeScale?: number;
  logger: Logger;
  /** Hears every execution status change the engine stores (live events). */
  onStatusChange?: EngineOptions['onStatusChange'];
  /** Hears every history append (the API's run snapshots). */
  onHistoryChange?: EngineOptions['onHistoryChange'];
  /** Hears `approval.requested` from the approval-request handler and `approval.cancelled` when a run ends while its approval waits (live events). */
  onApprovalEvent?: OnApprovalEvent;
};

/** The running back end; `stop()` closes the engine (runs stay resumable), then dynalite. */
export type EngineStack = {
  sfnEndpoint: string;
  dynamodbEndpoint: string;
  sfn: SFNClient;
  dynamodb: DynamoDBClient;
  approvals: ApprovalStore;
  ledger: RunLedger;
  deployed: DeployResult[];
  stop(): Promise<void>;
};

const ACCOUNT = LOCAL_ACCOUNT;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT.accountId}:role/statecraft-local`;

/** Starts everything, undoing what started when a later step fails (a taken port, say). */
export async function startEngineStack(options: EngineStackOptions): Promise<EngineStack> {
  const { dataDir, logger, deploy = true, timeScale = 1 } = options;
  fs.mkdirSync(dataDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    let dynamodbEndpoint = options.dynamodbEndpoint;
    if (dynamodbEndpoint === undefined) {
      const dynalite: LocalDynamoDb = await listenOrExplain(
        () => startLocalDynamoDb({ port: options.dynamodbPort, path: path.join(dataDir, 'dynamodb') }),
        'DynamoDB',
        options.dynamodbPort,
        '--dynamodb-port or DYNAMODB_PORT',
      );
      cleanups.push(() => dynalite.stop());
      dynamodbEndpoint = dynalite.endpoint;
    }
    const dynamodb = new DynamoDBClient({
      endpoint: dynamodbEndpoint,
      region: ACCOUNT.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    cleanups.push(() => dynamodb.destroy());
    await ensureTables(dynamodbEndpoint, tables);
    await ensureApprovalsTable(dynamodb);
    await ensureTable(dynamodb, runsTableSpec());
    const approvals = new ApprovalStore(dynamodb);
    const ledger = new RunLedger(dynamodb);
    const { onApprovalEvent } = options;
    // The handler follows nested runs to their parent through the engine's own API, which exists
    // once it listens; runs resumed at start-up wait for it.
    let sfnReady: (client: SFNClient) => void = () => undefined;
    const sfnClient = new Promise<SFNClient>((resolve) => (sfnReady = resolve));
    const approvalRequest: TaskHandler = async (input) =>
      approvalRequestHandler({ store: approvals, ledger, sfn: await sfnClient, onApprovalEvent })(input);
    // Cancellations still writing when the stack stops are awaited before DynamoDB closes.
    const cancelling = new Set<Promise<unknown>>();
    cleanups.push(async () => {
      await Promise.allSettled([...cancelling]);
    });
    // Only a run of a workflow with approval steps (or of a state machine outside the catalogue) can hold a pending approval.
    const definitions = localDefinitions(ACCOUNT);
    const approvalFunctionArn = `arn:aws:lambda:${ACCOUNT.region}:${ACCOUNT.accountId}:function:${APPROVAL_REQUEST_FUNCTION}`;
    const withoutApprovals = new Set(
      definitions.filter(({ definition }) => approvalStepsOf(definition, approvalFunctionArn).length === 0).map(({ arn }) => arn),
    );
    const onStatusChange: EngineOptions['onStatusChange'] = (record) => {
      options.onStatusChange?.(record);
      if (record.status === 'RUNNING' || withoutApprovals.has(record.stateMachineArn)) return;
      const cancel = cancelApprovalsOfRun({ store: approvals, onApprovalEvent }, record.arn, record.status)
        .catch((error: unknown) =>
          logger.error('could not cancel the approvals of an ended run', { executionArn: record.arn, error: String(error) }),
        )
        .finally(() => cancelling.delete(cancel));
      cancelling.add(cancel);
    };

    const server = createStepFunctionsServer({
      dataDir,
      ...ACCOUNT,
      clock: timeScale === 1 ? undefined : new ScaledClock({ scale: timeScale, anchor: timeAnchor(dataDir, timeScale) }),
      logger,
      dynamodb: { endpoint: dynamodbEndpoint },
      taskHandlers: { ...catalogueHandlers(), [APPROVAL_REQUEST_FUNCTION]: approvalRequest },
      onStatusChange,
      onHistoryChange: options.onHistoryChange,
    });
    cleanups.push(() => server.close());
    await listenOrExplain(() => server.listen(options.sfnPort, '127.0.0.1'), 'Step Functions', options.sfnPort, '--port or SFN_PORT');
    const sfn = localSfnClient(server.endpoint, ACCOUNT.region);
    cleanups.push(() => sfn.destroy());
    sfnReady(sfn);
    const deployed = deploy ? await deployWorkflows(sfn, definitions, ROLE_ARN) : [];
    for (const result of deployed) logger.info(`state machine ${deployLabel(result)}`, { name: result.name });
    return { sfnEndpoint: server.endpoint, dynamodbEndpoint, sfn, dynamodb, approvals, ledger, deployed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
