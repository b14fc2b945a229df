/**
 * Lambda entry of the built-in approval-request function on AWS: the approval task's
 * `lambda:invoke.waitForTaskToken` hands it the same payload the embedded engine hands the
 * handler locally, and the same code stores the pending approval.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { loadConfig, type ApiConfig } from '../config';
import { createDynamoDbClient } from '../dynamodb-client';
import { RunLedger } from '../ledger/run-ledger';
import { createSfnClient } from '../sfn-client';
import { approvalRequestHandler, type ApprovalRequestResult } from './approval-request-handler';
import { ApprovalStore } from './approval-store';

/** A Lambda handler taking the task's Payload as its event. */
export type ApprovalRequestLambda = (event: unknown) => Promise<ApprovalRequestResult>;

/** Builds the handler; clients default to the configured endpoints (the real services when set to `aws`). */
export function createApprovalRequestLambda(
  config: ApiConfig,
  clients: { dynamodb?: DynamoDBClient; sfn?: SFNClient } = {},
): ApprovalRequestLambda {
  const dynamodb = clients.dynamodb ?? createDynamoDbClient(config);
  return approvalRequestHandler({
    store: new ApprovalStore(dynamodb, config.tables.approvals),
    ledger: new RunLedger(dynamodb, config.tables.runs),
    sfn: clients.sfn ?? createSfnClient(config),
  });
}

let cached: ApprovalRequestLambda | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: ApprovalRequestLambda = (event) => {
  cached ??= createApprovalRequestLambda(loadConfig(process.env));
  return cached(event);
};
