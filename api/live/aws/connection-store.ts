/**
 * The connections table (partition key `connectionId`): one item per open live-events WebSocket
 * connection on API Gateway, holding who it is (only ever from the authorizer's verified context),
 * the topics it subscribed to, and `expiresAt`, its token's expiry, by which DynamoDB's TTL deletes
 * items whose `$disconnect` never came. The local `/ws` server keeps the same in memory.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DEFAULT_TABLES } from '../../config';
import type { Caller } from '../../errors';
import type { TableSpec } from '../../storage/ensure-table';
import { topicKey, type LiveTopic } from '../live-event';
import type { AuthorizedCaller } from './authorizer-context';

/** The default table name. */
export const CONNECTIONS_TABLE = DEFAULT_TABLES.connections;

/** The table's shape, for the tests and the CDK app (which also turns on TTL on `expiresAt`). */
export const connectionsTableSpec = (name: string = CONNECTIONS_TABLE): TableSpec => ({ name, partitionKey: 'connectionId' });

const topicSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('workflow'), workflow: z.string() }),
  z.object({ kind: z.literal('run'), runId: z.string() }),
]);

/** The item: `topics` maps each topic's key to the topic; `expiresAt` is in epoch seconds (TTL); `connectedAt` is ISO-8601. */
const itemSchema = z.object({
  connectionId: z.string(),
  user: z.string(),
  groups: z.array(z.string()),
  topics: z.record(z.string(), topicSchema),
  expiresAt: z.number().int(),
  connectedAt: z.string(),
});

/** One open connection as stored. */
export type StoredConnection = {
  connectionId: string;
  user: string;
  groups: string[];
  topics: LiveTopic[];
  expiresAt: number;
  connectedAt: string;
};

/** The caller a stored connection acts as, for the access rule. */
export function callerOfConnection(connection: StoredConnection): Caller {
  return { user: connection.user, groups: connection.groups, expiresAt: connection.expiresAt * 1000 };
}

/** Whether the connection's token has expired at `now` (epoch ms); TTL deletes lazily, so readers check too. */
export function hasExpired(connection: Pick<StoredConnection, 'expiresAt'>, now: number): boolean {
  return connection.expiresAt * 1000 <= now;
}

/** Reads and writes connection items. */
export class ConnectionStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string = CONNECTIONS_TABLE,
  ) {
    this.documents = DynamoDBDocumentClient.from(client);
  }

  /** Records a new connection of `caller`, subscribed to nothing yet. */
  async put(connectionId: string, caller: AuthorizedCaller, connectedAt: string): Promise<void> {
    const item = { connectionId, user: caller.user, groups: caller.groups, topics: {}, expiresAt: caller.expiresAt, connectedAt };
    await this.documents.send(new PutCommand({ TableName: this.tableName, Item: item }));
  }

  /** The connection, read consistently, or undefined once it is gone. */
  async get(connectionId: string): Promise<StoredConnection | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { connectionId }, ConsistentRead: true }));
    return Item ? toConnection(Item) : undefined;
  }

  /** Forgets the connection (it closed, or API Gateway says it is gone). */
  async delete(connectionId: string): Promise<void> {
    await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { connectionId } }));
  }

  /** Takes the groups and expiry of a fresh token of the same user; false when the connection is gone or belongs to someone else. */
  async reauthenticate(connectionId: string, caller: AuthorizedCaller): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { connectionId },
        UpdateExpression: 'SET #groups = :groups, #expiresAt = :expiresAt',
        // The user is part of the condition: a connection never changes who it is.
        ConditionExpression: 'attribute_exists(connectionId) AND #user = :user',
        ExpressionAttributeNames: { '#groups': 'groups', '#expiresAt': 'expiresAt', '#user': 'user' },
        ExpressionAttributeValues: { ':groups': caller.groups, ':expiresAt': caller.expiresAt, ':user': caller.user },
      }),
    );
  }

  /** Adds `topic`; false when the connection is gone. */
  async subscribe(connectionId: string, topic: LiveTopic): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { connectionId },
        UpdateExpression: 'SET #topics.#key = :topic',
        ConditionExpression: 'attribute_exists(connectionId)',
        ExpressionAttributeNames: { '#topics': 'topics', '#key': topicKey(topic) },
        ExpressionAttributeValues: { ':topic': topic },
      }),
    );
  }

  /** Removes `topic`; false when it was not subscribed (or the connection is gone). */
  async unsubscribe(connectionId: string, topic: LiveTopic): Promise<boolean> {
    return this.conditionally(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { connectionId },
        UpdateExpression: 'REMOVE #topics.#key',
        ConditionExpression: 'attribute_exists(#topics.#key)',
        ExpressionAttributeNames: { '#topics': 'topics', '#key': topicKey(topic) },
      }),
    );
  }

  /**
   * Every stored connection. A paginated Scan: there are as many items as open consoles (tens to a
   * few hundred), and one status change reads them once. Past that, a GSI by topic would serve it.
   */
  async list(): Promise<StoredConnection[]> {
    const connections: StoredConnection[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({ TableName: this.tableName, ConsistentRead: true, ExclusiveStartKey: startKey }),
      );
      for (const item of page.Items ?? []) connections.push(toConnection(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return connections;
  }

  private async conditionally(command: UpdateCommand): Promise<boolean> {
    try {
      await this.documents.send(command);
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}

function toConnection(item: Record<string, unknown>): StoredConnection {
  const { topics, ...rest } = itemSchema.parse(item);
  return { ...rest, topics: Object.values(topics) };
}
