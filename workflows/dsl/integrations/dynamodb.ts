/**
 * DynamoDB item operations as Task targets (optimized integrations).
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
import { placeholderRef } from '../substitution';
import { pascalCase } from '../task-function';
import { compact, type ServiceIntegration } from './service-integration';

/** A DynamoDB attribute value (`{ S: 'x' }`, `{ 'N.$': '$.count' }`, …). */
export type AttributeTemplate = Record<string, unknown>;
type Item = Record<string, AttributeTemplate>;

type ItemOptions = {
  /** Logical table name; the deployed name is the placeholder `${<Table>TableName}`. */
  table: string;
  key: Item;
};

export type GetItemResult = { Item?: Record<string, Record<string, unknown>> };
export type PutItemResult = { Attributes?: Record<string, Record<string, unknown>> };

function integration<Result>(action: string, table: string, fields: Record<string, unknown>): ServiceIntegration<Result> {
  const placeholder = `${pascalCase(table)}TableName`;
  return {
    kind: 'integration',
    resource: `arn:aws:states:::dynamodb:${action}`,
    payload: () => compact({ TableName: placeholderRef(placeholder), ...fields }),
    substitutions: [[placeholder, { type: 'table', table }]],
  };
}

/** DynamoDB items: get, put, update and delete, in the table's deployed name. */
export const dynamodb = {
  getItem: (options: ItemOptions & { consistentRead?: boolean; projection?: string }) =>
    integration<GetItemResult>('getItem', options.table, {
      Key: options.key,
      ConsistentRead: options.consistentRead,
      ProjectionExpression: options.projection,
    }),
  putItem: (options: { table: string; item: Item; condition?: string; names?: Record<string, string>; values?: Item }) =>
    integration<PutItemResult>('putItem', options.table, {
      Item: options.item,
      ConditionExpression: options.condition,
      ExpressionAttributeNames: options.names,
      ExpressionAttributeValues: options.values,
    }),
  updateItem: (
    options: ItemOptions & {
      update: string;
      condition?: string;
      names?: Record<string, string>;
      values?: Item;
      returnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
    },
  ) =>
    integration<PutItemResult>('updateItem', options.table, {
      Key: options.key,
      UpdateExpression: options.update,
      ConditionExpression: options.condition,
      ExpressionAttributeNames: options.names,
      ExpressionAttributeValues: options.values,
      ReturnValues: options.returnValues,
    }),
  deleteItem: (options: ItemOptions & { condition?: string }) =>
    integration<PutItemResult>('deleteItem', options.table, { Key: options.key, ConditionExpression: options.condition }),
} as const;
