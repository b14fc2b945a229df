/** Creates the catalogue's tables where they are missing, with their sample items (create-only: data is kept). */
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ResourceInUseException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../../workflows/definitions/tables';

/** Returns the names of the tables it created. */
export async function ensureTables(endpoint: string, tables: readonly TableDefinition[], region = 'us-east-1'): Promise<string[]> {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const created: string[] = [];
  try {
    for (const table of tables) {
      try {
        await client.send(
          new CreateTableCommand({
            TableName: table.name,
            AttributeDefinitions: [{ AttributeName: table.partitionKey, AttributeType: 'S' }],
            KeySchema: [{ AttributeName: table.partitionKey, KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
          }),
        );
      } catch (error) {
        if (error instanceof ResourceInUseException) continue;
        throw error;
      }
      created.push(table.name);
      for (const item of table.sampleItems) await client.send(new PutItemCommand({ TableName: table.name, Item: item as unknown as Record<string, AttributeValue> }));
    }
    return created;
  } finally {
    client.destroy();
  }
}
