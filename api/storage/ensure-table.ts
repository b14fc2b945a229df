/** Creates a DynamoDB table where it is missing (the embedded stack and tests; on AWS the CDK app owns the tables). */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A string-keyed table and its global secondary indexes (string keys, all attributes projected). */
export type TableSpec = {
  name: string;
  partitionKey: string;
  indexes?: readonly { name: string; partitionKey: string; sortKey: string }[];
};

/** Creates the table and waits until it is ACTIVE; true when created, false when it already existed. */
export async function ensureTable(client: DynamoDBClient, spec: TableSpec): Promise<boolean> {
  const indexes = spec.indexes ?? [];
  const attributes = [...new Set([spec.partitionKey, ...indexes.flatMap((index) => [index.partitionKey, index.sortKey])])];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: spec.name,
        AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: spec.partitionKey, KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        ...(indexes.length === 0
          ? {}
          : {
              GlobalSecondaryIndexes: indexes.map((index) => ({
                IndexName: index.name,
                KeySchema: [
                  { AttributeName: index.partitionKey, KeyType: 'HASH' },
                  { AttributeName: index.sortKey, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              })),
            }),
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    await waitUntilActive(client, spec.name);
    return false;
  }
  await waitUntilActive(client, spec.name);
  return true;
}

/** DynamoDB (and dynalite) refuse items while a table is CREATING, so callers wait for ACTIVE before the first write. */
async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delayMs = 5; ; delayMs = Math.min(delayMs * 2, 1_000)) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline)
      throw new Error(`Table ${tableName} is still ${Table?.TableStatus ?? 'missing'} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}
