/**
 * `arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem` (request-response): the
 * resolved Parameters/Arguments are the DynamoDB request, the result is DynamoDB's response with
 * the SDK metadata, and a DynamoDB exception fails the task as `DynamoDB.<ExceptionName>` with
 * AWS's cause text, so Retry and Catch can match it.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
import type { JsonObject, JsonValue } from '../../asl';
import { DynamoDbItemsError, StatesError } from '../errors';
import type { DynamoDbAction, DynamoDbItems } from './dynamodb-items';
import { dynamoDbRequestId, dynamoDbResponse } from './dynamodb-response';
import type { TaskIntegration } from './task-integration';

/** The error name for exceptions the service model does not declare (ValidationException, …), as AWS reports them. */
const UNMODELED_EXCEPTION = 'AmazonDynamoDBException';

/** Wire error codes of the exceptions DynamoDB declares for item actions, by the name Step Functions reports. */
const MODELED_EXCEPTIONS: Readonly<Record<string, string>> = {
  ConditionalCheckFailedException: 'ConditionalCheckFailedException',
  InternalServerError: 'InternalServerErrorException',
  ItemCollectionSizeLimitExceededException: 'ItemCollectionSizeLimitExceededException',
  ProvisionedThroughputExceededException: 'ProvisionedThroughputExceededException',
  ReplicatedWriteConflictException: 'ReplicatedWriteConflictException',
  RequestLimitExceeded: 'RequestLimitExceededException',
  ResourceNotFoundException: 'ResourceNotFoundException',
  TransactionConflictException: 'TransactionConflictException',
};

/** The task error for a DynamoDB exception: `DynamoDB.<Name>` and `<message> (Service: AmazonDynamoDBv2; …)`. */
export function dynamoDbTaskError(error: DynamoDbItemsError): StatesError {
  const name = Object.hasOwn(MODELED_EXCEPTIONS, error.exceptionName) ? MODELED_EXCEPTIONS[error.exceptionName] : UNMODELED_EXCEPTION;
  const details = [
    'Service: AmazonDynamoDBv2',
    `Status Code: ${error.statusCode ?? 400}`,
    `Error Code: ${error.exceptionName}`,
    `Request ID: ${error.requestId ?? dynamoDbRequestId()}`,
    'Proxy: null',
  ].join('; ');
  return new StatesError(`DynamoDB.${name}`, `${error.message} (${details})`, { cause: error });
}

function requestOf(parameters: JsonValue, action: DynamoDbAction): JsonObject {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw new StatesError(
      'States.Runtime',
      `The Parameters of a dynamodb:${action} task must be an object (the DynamoDB ${action} request).`,
    );
  }
  return parameters;
}

/** The integration for `dynamodb:<action>`; States.Runtime when no DynamoDbItems was given to the engine. */
export function dynamoDbIntegration(items: DynamoDbItems | undefined, action: DynamoDbAction, resource: string): TaskIntegration {
  if (!items) {
    throw new StatesError(
      'States.Runtime',
      `DynamoDB is not configured for this engine (pass \`dynamodb\` in the engine options) to call '${resource}'.`,
    );
  }
  return {
    flavour: 'task',
    resourceType: 'dynamodb',
    resource: action,
    pattern: 'request-response',
    async invoke(invocation) {
      const request = requestOf(invocation.parameters, action);
      try {
        return dynamoDbResponse(await items.call(action, request, invocation.signal));
      } catch (error) {
        throw error instanceof DynamoDbItemsError ? dynamoDbTaskError(error) : error;
      }
    },
  };
}
