/**
 * The engine's DynamoDbItems over `@aws-sdk/client-dynamodb`, pointed at an endpoint (locally
 * dynalite). Requests and responses stay in DynamoDB's attribute-value JSON, with binary values
 * (`B`, `BS`) as base64 text, as Step Functions passes them.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
import {
  DeleteItemCommand,
  DynamoDBClient,
  DynamoDBServiceException,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type DeleteItemCommandInput,
  type GetItemCommandInput,
  type PutItemCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { JsonObject, JsonValue } from '../asl';
import { DEFAULT_REGION, DynamoDbItemsError, type DynamoDbAction, type DynamoDbItems } from '../engine';

/** Where DynamoDB is. Local endpoints need no real credentials, so placeholder ones are used unless given. */
export type DynamoDbItemsOptions = {
  endpoint: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
};

/** DynamoDbItems that own an SDK client, to be closed with the server. */
export type DynamoDbItemsClient = DynamoDbItems & { close(): void };

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A value the SDK takes or returns: JSON, with binary attribute values as bytes. */
type SdkValue = JsonValue | Uint8Array | undefined | SdkValue[] | { [key: string]: SdkValue };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** JSON → SDK input: `{ "B": "<base64>" }` and `{ "BS": ["<base64>", …] }` become bytes, anywhere in the request. */
function toSdk(value: JsonValue): SdkValue {
  if (Array.isArray(value)) return value.map(toSdk);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'B' && typeof value.B === 'string') return { B: Buffer.from(value.B, 'base64') };
  if (keys.length === 1 && keys[0] === 'BS' && Array.isArray(value.BS) && value.BS.every((item) => typeof item === 'string')) {
    return { BS: value.BS.map((item) => Buffer.from(String(item), 'base64')) };
  }
  return Object.fromEntries(keys.map((key) => [key, toSdk(value[key])]));
}

/** SDK output → JSON: bytes become base64 text, `$metadata` and undefined members are dropped. */
function toJson(value: unknown): JsonValue | undefined {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null);
  if (isRecord(value)) {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      const converted = key === '$metadata' ? undefined : toJson(member);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return undefined;
}

/** Sends the request as the action's command; DynamoDB itself validates its shape, as for Step Functions. */
function send(client: DynamoDBClient, action: DynamoDbAction, input: unknown, signal?: AbortSignal): Promise<unknown> {
  const options = { abortSignal: signal };
  switch (action) {
    case 'getItem':
      return client.send(new GetItemCommand(input as GetItemCommandInput), options);
    case 'putItem':
      return client.send(new PutItemCommand(input as PutItemCommandInput), options);
    case 'updateItem':
      return client.send(new UpdateItemCommand(input as UpdateItemCommandInput), options);
    case 'deleteItem':
      return client.send(new DeleteItemCommand(input as DeleteItemCommandInput), options);
  }
}

/** DynamoDbItems backed by a DynamoDB client for `options.endpoint`; DynamoDB exceptions become DynamoDbItemsError. */
export function createDynamoDbItems(options: DynamoDbItemsOptions): DynamoDbItemsClient {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region ?? DEFAULT_REGION,
    credentials: options.credentials ?? LOCAL_CREDENTIALS,
  });
  return {
    async call(action, request, signal) {
      let response: unknown;
      try {
        response = await send(client, action, toSdk(request), signal);
      } catch (error) {
        if (!(error instanceof DynamoDBServiceException)) throw error;
        const { httpStatusCode: statusCode, requestId } = error.$metadata;
        throw new DynamoDbItemsError(error.name, error.message, { statusCode, requestId, cause: error });
      }
      const body = toJson(response);
      return isRecord(body) ? body : {};
    },
    close() {
      client.destroy();
    },
  };
}
