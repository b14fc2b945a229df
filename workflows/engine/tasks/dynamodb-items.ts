/**
 * The DynamoDB item API behind the optimized DynamoDB integration. It is injected through
 * EngineOptions (`dynamodb`) so the engine stays free of I/O and of the AWS SDK; the emulator
 * backs it with `@aws-sdk/client-dynamodb` (workflows/emulator/dynamodb-items.ts).
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
import type { JsonObject } from '../../asl';

/** The actions Step Functions offers as `arn:aws:states:::dynamodb:<action>` (request-response only). */
export const DYNAMODB_ACTIONS = ['getItem', 'putItem', 'updateItem', 'deleteItem'] as const;

/** One of the optimized DynamoDB actions. */
export type DynamoDbAction = (typeof DYNAMODB_ACTIONS)[number];

/**
 * Sends `request` (the DynamoDB API request in attribute-value JSON: TableName, Key, Item, …) and
 * resolves to DynamoDB's response body; rejects with DynamoDbItemsError when DynamoDB answers
 * with an exception.
 */
export type DynamoDbItems = {
  call(action: DynamoDbAction, request: JsonObject, signal?: AbortSignal): Promise<JsonObject>;
};

/** Whether `action` names one of the optimized DynamoDB actions. */
export function isDynamoDbAction(action: string): action is DynamoDbAction {
  return (DYNAMODB_ACTIONS as readonly string[]).includes(action);
}
