/** Creates the catalogue's tables where they are missing, with their sample items (create-only: data is kept). */
import { DynamoDBClient, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../api/storage/ensure-table';
import type { TableDefinition } from '../../workflows/definitions/tables';
import { DEFAULT_REGION } from '../../workflows/local-defaults';

/** Returns the names of the tables it created. */
export async function ensureTables(endpoint: string, tables: readonly TableDefinition[], region = DEFAULT_REGION): Promise<string[]> {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const created: string[] = [];
  try {
    for (const table of tables) {
      if (!(await ensureTable(client, { name: table.name, partitionKey: table.partitionKey }))) continue;
      created.push(table.name);
      for (const item of table.sampleItems)
        await client.send(new PutItemCommand({ TableName: table.name, Item: item as unknown as Record<string, AttributeValue> }));
    }
    return created;
  } finally {
    client.destroy();
  }
}
