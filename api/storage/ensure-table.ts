/** Creates a DynamoDB table where it is missing (the embedded stack and tests; on AWS the CDK app owns the tables). */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A string-keyed table and its global secondary indexes (string keys, all attributes projected). */
export type TableSpec = {
  name: string;
  partitionKey: string;
  indexes?: readonly { name: string; partitionKey: string; sortKey: string }[];
};

/** Creates the table; true when created, false when it already existed. */
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
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceInUseException') return false;
    throw error;
  }
}
