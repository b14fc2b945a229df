/** The DynamoDB SDK client for the config: the embedded dynalite by endpoint, or AWS itself. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ApiConfig } from './config';

/** Locally: placeholder credentials against the configured endpoint. */
export function createDynamoDbClient(config: ApiConfig): DynamoDBClient {
  if (config.dynamodbEndpoint === undefined) return new DynamoDBClient({ region: config.region });
  return new DynamoDBClient({
    region: config.region,
    endpoint: config.dynamodbEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
