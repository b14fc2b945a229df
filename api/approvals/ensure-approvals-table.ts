/** Creates the approvals table where it is missing (the embedded stack and tests; on AWS the CDK app owns it). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../storage/ensure-table';
import { APPROVALS_TABLE } from './approval-store';

/** Creates `tableName` keyed by `approvalId`; true when created, false when it already existed. */
export function ensureApprovalsTable(client: DynamoDBClient, tableName: string = APPROVALS_TABLE): Promise<boolean> {
  return ensureTable(client, { name: tableName, partitionKey: 'approvalId' });
}
