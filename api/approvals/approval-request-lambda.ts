/**
 * Lambda entry of the built-in approval-request function on AWS: the approval task's
 * `lambda:invoke.waitForTaskToken` hands it the same payload the embedded engine hands the
 * handler locally, and the same code stores the pending approval.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadConfig, type ApiConfig } from '../config';
import { createDynamoDbClient } from '../dynamodb-client';
import { RunLedger } from '../ledger/run-ledger';
import { approvalRequestHandler, type ApprovalRequestResult } from './approval-request-handler';
import { ApprovalStore } from './approval-store';

/** A Lambda handler taking the task's Payload as its event. */
export type ApprovalRequestLambda = (event: unknown) => Promise<ApprovalRequestResult>;

/** Builds the handler; the DynamoDB client defaults to the configured endpoint (the real service when set to `aws`). */
export function createApprovalRequestLambda(config: ApiConfig, clients: { dynamodb?: DynamoDBClient } = {}): ApprovalRequestLambda {
  const dynamodb = clients.dynamodb ?? createDynamoDbClient(config);
  return approvalRequestHandler({ store: new ApprovalStore(dynamodb), ledger: new RunLedger(dynamodb) });
}

let cached: ApprovalRequestLambda | undefined;

/** The function's handler: built on the first invocation (cold start), reused after. */
export const handler: ApprovalRequestLambda = (event) => {
  cached ??= createApprovalRequestLambda(loadConfig(process.env));
  return cached(event);
};
