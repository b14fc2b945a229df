/** Creates the approvals table where it is missing (the embedded stack and tests; on AWS the CDK app owns it). */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, type TableSpec } from '../storage/ensure-table';
import { APPROVALS_TABLE } from './approval-store';

/** The approvals table: keyed by `approvalId`. */
export const approvalsTableSpec = (name: string = APPROVALS_TABLE): TableSpec => ({ name, partitionKey: 'approvalId' });

/** Creates `tableName`; true when created, false when it already existed. */
export function ensureApprovalsTable(client: DynamoDBClient, tableName: string = APPROVALS_TABLE): Promise<boolean> {
  return ensureTable(client, approvalsTableSpec(tableName));
}
