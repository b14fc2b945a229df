/**
 * The approvals table in DynamoDB (partition key `approvalId`) through the DocumentClient. Every
 * state change is a conditional write, so two deciders can never both win; no transactions needed.
 * Listing scans with a filter: fine for the embedded stack; on AWS a GSI on `status` would serve it.
 */
import { DEFAULT_TABLES } from '../config';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { approvalRecordSchema, isoInstant, type ApprovalDecision, type ApprovalRecord, type StoredApprovalStatus } from './approval-record';

/** The default table name. */
export const APPROVALS_TABLE = DEFAULT_TABLES.approvals;

/** Which records to list; both filters combine. */
export type ApprovalFilter = { statuses?: readonly StoredApprovalStatus[]; runId?: string };

/** How a conditional decision ended: the updated record, or why the condition failed (found by re-reading). */
export type DecideResult =
  { ok: true; record: ApprovalRecord } | { ok: false; reason: 'not-found' | 'already-decided' | 'expired' | 'cancelled' };

/** Reads and writes approval records. */
/** The DynamoDB calls the store makes (the deploy grants exactly these). */
export const APPROVAL_STORE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:UpdateItem'] as const;

export class ApprovalStore {
  private readonly documents: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly tableName: string = APPROVALS_TABLE,
  ) {
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** Creates the record unless its id is taken; `exists` lets the caller compare tokens. */
  async put(record: ApprovalRecord): Promise<'created' | 'exists'> {
    try {
      await this.documents.send(
        new PutCommand({ TableName: this.tableName, Item: record, ConditionExpression: 'attribute_not_exists(approvalId)' }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  /** The record, read consistently, or undefined. */
  async get(approvalId: string): Promise<ApprovalRecord | undefined> {
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { approvalId }, ConsistentRead: true }));
    return Item ? approvalRecordSchema.parse(Item) : undefined;
  }

  /** Records matching the filter, newest request first. */
  async list(filter: ApprovalFilter = {}): Promise<ApprovalRecord[]> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (filter.statuses) {
      names['#status'] = 'status';
      const keys = filter.statuses.map((status, index) => {
        values[`:s${index}`] = status;
        return `:s${index}`;
      });
      conditions.push(keys.length ? `#status IN (${keys.join(', ')})` : 'attribute_not_exists(approvalId)');
    }
    if (filter.runId !== undefined) {
      names['#runId'] = 'runId';
      values[':runId'] = filter.runId;
      conditions.push('#runId = :runId');
    }
    const records: ApprovalRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new ScanCommand({
          TableName: this.tableName,
          ExclusiveStartKey: startKey,
          ...(conditions.length
            ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names, ExpressionAttributeValues: values }
            : {}),
        }),
      );
      for (const item of page.Items ?? []) records.push(approvalRecordSchema.parse(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records.sort((a, b) => (a.requestedAt < b.requestedAt ? 1 : a.requestedAt > b.requestedAt ? -1 : 0));
  }

  /** Records the decision only while the approval is pending and unexpired at `now` (epoch ms). */
  async decide(approvalId: string, decision: ApprovalDecision, now: number): Promise<DecideResult> {
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { approvalId },
          UpdateExpression: 'SET #status = :outcome, #decision = :decision',
          ConditionExpression:
            'attribute_exists(approvalId) AND #status = :pending AND (attribute_not_exists(#expiresAt) OR #expiresAt > :now)',
          ExpressionAttributeNames: { '#status': 'status', '#decision': 'decision', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: {
            ':outcome': decision.outcome,
            ':decision': decision,
            ':pending': 'pending',
            ':now': isoInstant(now),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { ok: true, record: approvalRecordSchema.parse(Attributes) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(approvalId);
      if (!current) return { ok: false, reason: 'not-found' };
      if (current.status === 'cancelled') return { ok: false, reason: 'cancelled' };
      return { ok: false, reason: current.status === 'pending' ? 'expired' : 'already-decided' };
    }
  }

  /** Cancels the approval while it is still pending (its run ended with `reason`); the cancelled record, or undefined when it was no longer pending. */
  async cancel(approvalId: string, reason: string, now: number): Promise<ApprovalRecord | undefined> {
    try {
      const { Attributes } = await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { approvalId },
          UpdateExpression: 'SET #status = :cancelled, #cancelReason = :reason, #cancelledAt = :now',
          ConditionExpression: 'attribute_exists(approvalId) AND #status = :pending',
          ExpressionAttributeNames: { '#status': 'status', '#cancelReason': 'cancelReason', '#cancelledAt': 'cancelledAt' },
          ExpressionAttributeValues: { ':cancelled': 'cancelled', ':reason': reason, ':now': isoInstant(now), ':pending': 'pending' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return approvalRecordSchema.parse(Attributes);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Marks a decided approval expired after Step Functions refused it (the task had timed out); the attempted decision stays for the audit. */
  async markExpired(approvalId: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { approvalId },
        UpdateExpression: 'SET #status = :expired',
        ConditionExpression: 'attribute_exists(approvalId)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expired': 'expired' },
      }),
    );
  }
}

/** DynamoDB's refusal of a failed ConditionExpression. */
function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
