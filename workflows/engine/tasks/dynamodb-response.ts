/**
 * DynamoDB's response as Step Functions returns it from an optimized DynamoDB task: the API
 * response body followed by the Java SDK's `SdkHttpMetadata` and `SdkResponseMetadata`.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { JsonObject } from '../../asl';

const REQUEST_ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REQUEST_ID_LENGTH = 52;

/** A request id in DynamoDB's form (52 upper-case letters and digits). */
export function dynamoDbRequestId(): string {
  return Array.from(randomBytes(REQUEST_ID_LENGTH), (byte) => REQUEST_ID_ALPHABET[byte % REQUEST_ID_ALPHABET.length]).join('');
}

/** `body` with the HTTP metadata AWS adds (headers as DynamoDB sends them for that body). */
export function dynamoDbResponse(body: JsonObject, requestId: string = dynamoDbRequestId(), date: Date = new Date()): JsonObject {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = {
    Connection: 'keep-alive',
    'Content-Length': String(Buffer.byteLength(text)),
    'Content-Type': 'application/x-amz-json-1.0',
    Date: date.toUTCString(),
    Server: 'Server',
    'x-amz-crc32': String(crc32(text)),
    'x-amzn-RequestId': requestId,
  };
  const order = ['Server', 'Connection', 'x-amzn-RequestId', 'x-amz-crc32', 'Content-Length', 'Date', 'Content-Type'];
  const allHeaders: JsonObject = Object.fromEntries(order.map((name) => [name, [headers[name]]]));
  return {
    ...body,
    SdkHttpMetadata: { AllHttpHeaders: allHeaders, HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
  };
}
