/**
 * The `chat-sessions` DynamoDB table: the code hook's conversation context and the local Lex
 * runtime's sessions, one item per key with an `expiresAt` (epoch seconds) that DynamoDB's TTL
 * deletes on AWS. TTL deletion is lazy (and dynalite has none), so reads skip expired items too.
 */
import { DEFAULT_TABLES } from '../../api/config';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TableSpec } from '../../api/storage/ensure-table';

/** The default table name. */
export const CHAT_SESSIONS_TABLE = DEFAULT_TABLES.chatSessions;
/** The TTL attribute (epoch seconds), enabled on the table by the CDK app. */
export const EXPIRES_AT_ATTRIBUTE = 'expiresAt';

/** The table's shape, for the embedded stack, the tests and the CDK app. */
export const chatSessionsTableSpec = (name: string = CHAT_SESSIONS_TABLE): TableSpec => ({ name, partitionKey: 'sessionKey' });

/** Reads and writes JSON values by key, each expiring `ttlSeconds` after its last write. */
/** The DynamoDB calls the store makes (the deploy grants exactly these). */
export const CHAT_SESSION_STORE_ACTIONS = ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'] as const;

export class ChatSessionStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string = CHAT_SESSIONS_TABLE,
    private readonly now: () => number = Date.now,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** The value stored under `key`, or undefined when there is none or it has expired. */
  async get<Value>(key: string): Promise<Value | undefined> {
    const { Item } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: { sessionKey: key }, ConsistentRead: true }),
    );
    if (!Item || typeof Item.value !== 'string') return undefined;
    if (typeof Item[EXPIRES_AT_ATTRIBUTE] === 'number' && Item[EXPIRES_AT_ATTRIBUTE] * 1000 <= this.now()) return undefined;
    return JSON.parse(Item.value) as Value;
  }

  /** Stores `value` under `key` until `ttlSeconds` from now. */
  async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const expiresAt = Math.ceil((this.now() + ttlSeconds * 1000) / 1000);
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { sessionKey: key, value: JSON.stringify(value), [EXPIRES_AT_ATTRIBUTE]: expiresAt },
      }),
    );
  }

  /** Forgets `key`. */
  async delete(key: string): Promise<void> {
    await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { sessionKey: key } }));
  }
}
