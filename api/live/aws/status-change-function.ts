/**
 * The EventBridge target of our state machines' "Step Functions Execution Status Change" events on
 * AWS: what the local hub and engine stack do with a status change, in one stateless invocation.
 * It turns the change into the local hub's live event, cancels the pending approvals of a run that
 * ended (with their approval.cancelled events), and delivers the events to the connections that
 * subscribed to them and may read the workflow. State machines outside the catalogue are ignored.
 * https://docs.aws.amazon.com/step-functions/latest/dg/eventbridge-integration.html
 */
import { ApprovalStore } from '../../approvals/approval-store';
import { cancelApprovalsOfRun } from '../../approvals/cancel-approvals-of-run';
import { lambdaCatalogue } from '../../catalogue/lambda-catalogue';
import type { WorkflowCatalogue } from '../../catalogue/workflow-catalogue';
import { ConfigError, loadConfig } from '../../config';
import { createDynamoDbClient } from '../../dynamodb-client';
import { jsonLogger, silentLogger, type ApiLogger } from '../../logger';
import type { LiveEvent } from '../live-event';
import { parseStatusChangeEvent } from '../status-change-event';
import { approvalLiveEvent, statusChangeLiveEvent } from './build-live-event';
import { ConnectionStore } from './connection-store';
import { createConnectionsApi, type ConnectionsApi } from './connections-api';
import { deliverLiveEvents, type DeliveryReport } from './deliver-live-events';
import { loadWebSocketConfig } from './websocket-config';

/** What the function needs. */
export type StatusChangeDeps = {
  catalogue: WorkflowCatalogue;
  approvals: ApprovalStore;
  store: ConnectionStore;
  connections: ConnectionsApi;
  now?: () => number;
  logger?: ApiLogger;
};

/** What one invocation did (returned for the logs and the tests). */
export type StatusChangeOutcome =
  | { ignored: string }
  | { workflow: string; runId: string; events: LiveEvent['type'][]; cancelledApprovals: string[]; delivery: DeliveryReport };

/** A Lambda handler for EventBridge events. */
export type StatusChangeFunction = (event: unknown) => Promise<StatusChangeOutcome>;

/** Handles one status change; a failure to reach one connection is logged, a failure to read the tables throws (EventBridge retries). */
export function createStatusChangeFunction(deps: StatusChangeDeps): StatusChangeFunction {
  const { catalogue, approvals, store, connections, now = Date.now, logger = silentLogger } = deps;
  const byArn = new Map(catalogue.entries.map((entry) => [entry.stateMachineArn, entry]));
  const ignore = (reason: string): StatusChangeOutcome => {
    logger.info('live: status change ignored', { reason });
    return { ignored: reason };
  };
  return async (raw) => {
    const change = parseStatusChangeEvent(raw);
    if (!change) return ignore('not a Step Functions execution status change');
    const { detail } = change;
    const entry = byArn.get(detail.stateMachineArn);
    if (!entry) return ignore(`${detail.stateMachineArn} is not a state machine of the catalogue`);
    // Only a run of a workflow with approval steps can hold a pending approval, and only an ended one loses it.
    const endsApprovals = detail.status !== 'RUNNING' && entry.approvalSteps.length > 0;
    const cancelled = endsApprovals
      ? await cancelApprovalsOfRun({ store: approvals, clock: { now } }, detail.executionArn, detail.status)
      : [];
    const events: LiveEvent[] = [
      statusChangeLiveEvent(change, entry.name),
      ...cancelled.map((approval) => approvalLiveEvent({ type: 'approval.cancelled', approval }, entry.name, now())),
    ];
    const delivery = await deliverLiveEvents({ store, connections, accessOf: catalogue.accessOf, now, logger }, events);
    const outcome = {
      workflow: entry.name,
      runId: detail.name,
      events: events.map((event) => event.type),
      cancelledApprovals: cancelled.map((approval) => approval.approvalId),
      delivery,
    };
    logger.info('live: status change delivered', outcome);
    return outcome;
  };
}

let cached: StatusChangeFunction | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: StatusChangeFunction = (event) => {
  if (!cached) {
    const config = loadConfig(process.env);
    const { callbackUrl } = loadWebSocketConfig(process.env);
    if (callbackUrl === undefined)
      throw new ConfigError(
        'WEBSOCKET_CALLBACK_URL is required: the connection management endpoint of the live-events WebSocket API stage',
      );
    const dynamodb = createDynamoDbClient(config);
    cached = createStatusChangeFunction({
      catalogue: lambdaCatalogue(config),
      approvals: new ApprovalStore(dynamodb, config.tables.approvals),
      store: new ConnectionStore(dynamodb, config.tables.connections),
      connections: createConnectionsApi(callbackUrl, config.region),
      logger: jsonLogger(),
    });
  }
  return cached(event);
};
