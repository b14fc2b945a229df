/** Creates the approvals table where it is missing (the embedded stack and tests; on AWS the CDK app owns it). */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { APPROVALS_TABLE } from './approval-store';

/** Creates `tableName` keyed by `approvalId`; true when created, false when it already existed. */
export async function ensureApprovalsTable(client: DynamoDBClient, tableName: string = APPROVALS_TABLE): Promise<boolean> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [{ AttributeName: 'approvalId', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'approvalId', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceInUseException') return false;
    throw error;
  }
}
