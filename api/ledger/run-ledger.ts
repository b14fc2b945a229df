/**
 * The run ledger in DynamoDB: one item per run started through Statecraft, written with a
 * conditional put before StartExecution, so a run id names one run across the whole catalogue and
 * its starter is known from the verified caller. Runs started outside Statecraft have no item.
 */
import { DEFAULT_TABLES } from '../config';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TableSpec } from '../storage/ensure-table';
import { ledgerEntrySchema, type LedgerEntry } from './ledger-entry';

/** The default table name. */
export const RUNS_TABLE = DEFAULT_TABLES.runs;
/** The index of runs by starter, newest first. */
export const BY_STARTER_INDEX = 'by-starter';

/** The table's shape, for the embedded stack, the tests and the CDK app. */
export const runsTableSpec = (name: string = RUNS_TABLE): TableSpec => ({
  name,
  partitionKey: 'runId',
  indexes: [{ name: BY_STARTER_INDEX, partitionKey: 'startedBy', sortKey: 'startedAt' }],
});

/** Reads and writes ledger items. */
/** The DynamoDB calls the ledger makes (the deploy grants exactly these). */
export const RUN_LEDGER_ACTIONS = ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'] as const;

export class RunLedger {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string = RUNS_TABLE,
  ) {
    this.documents = DynamoDBDocumentClient.from(client);
  }

  /** Writes the item unless the run id is taken; returns the item that holds the id otherwise. */
  async claim(entry: LedgerEntry): Promise<{ claimed: true } | { claimed: false; existing: LedgerEntry | undefined }> {
    try {
      await this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: entry, ConditionExpression: 'attribute_not_exists(runId)' }),
      );
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      return { claimed: false, existing: await this.get(entry.runId) };
    }
  }

  /** The item of `runId`, read consistently, or undefined. */
  async get(runId: string): Promise<LedgerEntry | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { runId }, ConsistentRead: true }));
    return Item ? ledgerEntrySchema.parse(Item) : undefined;
  }

  /** Gives back a claim whose StartExecution failed (only the claimant's own item). */
  async release(entry: Pick<LedgerEntry, 'runId' | 'executionArn'>): Promise<void> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { runId: entry.runId },
          ConditionExpression: 'executionArn = :arn',
          ExpressionAttributeValues: { ':arn': entry.executionArn },
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  /** The runs `user` started, newest first. */
  async startedBy(user: string, limit: number): Promise<LedgerEntry[]> {
    const { Items } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: BY_STARTER_INDEX,
        KeyConditionExpression: 'startedBy = :user',
        ExpressionAttributeValues: { ':user': user },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ledgerEntrySchema.parse(item));
  }
}
