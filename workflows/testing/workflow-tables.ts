/**
 * The DynamoDB tables of a test run: dynalite (a DynamoDB implementation over in-memory LevelDB) on
 * loopback, started only when the workflows use a table, created from the definitions the test
 * gives and seeded with their items; read back after the run.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ensureTables } from '../../cli/local/ensure-tables';
import { startLocalDynamoDb } from '../../cli/local/local-dynamodb';
import type { CompiledWorkflow } from '../dsl';
import type { DynamoDbItems } from '../engine';
import { createDynamoDbItems } from '../emulator/dynamodb-items';
import { DEFAULT_REGION } from '../local-defaults';

/** A table as workflows/definitions/tables.ts declares it: its name, partition key and first items (attribute-value JSON). */
export type TestTable = { readonly name: string; readonly partitionKey: string; readonly sampleItems?: readonly Record<string, unknown>[] };

/** The tables while the run lasts. */
export type WorkflowTables = {
  items?: DynamoDbItems;
  /** Every item of every table, by table name (attribute-value JSON). */
  snapshot(): Promise<Record<string, Record<string, unknown>[]>>;
  stop(): Promise<void>;
};

const NONE: WorkflowTables = { snapshot: async () => ({}), stop: async () => undefined };

/** Starts the tables `workflows` use; a table with no definition in `given` is a clear error. */
export async function startWorkflowTables(workflows: readonly CompiledWorkflow[], given: readonly TestTable[]): Promise<WorkflowTables> {
  const used = new Set(
    workflows.flatMap((each) =>
      Object.values(each.substitutions).flatMap((substitution) => (substitution.type === 'table' ? [substitution.table] : [])),
    ),
  );
  const missing = [...used].filter((name) => !given.some((table) => table.name === name));
  if (missing.length > 0)
    throw new Error(
      `the workflow uses the table${missing.length > 1 ? 's' : ''} ${missing.map((name) => `'${name}'`).join(', ')}: pass ${missing.length > 1 ? 'their definitions' : 'its definition'} in tables (e.g. from workflows/definitions/tables.ts)`,
    );
  if (given.length === 0) return NONE;
  const dynamodb = await startLocalDynamoDb();
  const client = new DynamoDBClient({
    endpoint: dynamodb.endpoint,
    region: DEFAULT_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const items = createDynamoDbItems({ endpoint: dynamodb.endpoint });
  try {
    await ensureTables(
      dynamodb.endpoint,
      given.map((table) => ({ ...table, sampleItems: (table.sampleItems ?? []) as never })),
    );
  } catch (error) {
    client.destroy();
    items.close();
    await dynamodb.stop();
    throw error;
  }
  return {
    items,
    async snapshot() {
      const entries = await Promise.all(
        given.map(
          async (table) =>
            [
              table.name,
              ((await client.send(new ScanCommand({ TableName: table.name, ConsistentRead: true }))).Items ?? []) as Record<
                string,
                unknown
              >[],
            ] as const,
        ),
      );
      return Object.fromEntries(entries);
    },
    async stop() {
      client.destroy();
      items.close();
      await dynamodb.stop();
    },
  };
}
