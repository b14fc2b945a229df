/** A scripted stand-in for the engine's injected DynamoDB: records each call and answers as told. */
import type { JsonObject } from '../../workflows/asl';
import type { DynamoDbAction, DynamoDbItems } from '../../workflows/engine';

/** One call the engine made. */
export type DynamoDbCall = { action: DynamoDbAction; request: JsonObject };

/** How the fake answers a call (throw DynamoDbItemsError to play a DynamoDB exception). */
export type DynamoDbResponder = (action: DynamoDbAction, request: JsonObject) => JsonObject | Promise<JsonObject>;

/** The fake, with the calls it received. */
export type FakeDynamoDbItems = DynamoDbItems & { calls: DynamoDbCall[] };

/** A fake DynamoDB answering with `respond` (an empty response body by default). */
export function createFakeDynamoDbItems(respond: DynamoDbResponder = () => ({})): FakeDynamoDbItems {
  const calls: DynamoDbCall[] = [];
  return {
    calls,
    async call(action, request) {
      calls.push({ action, request: structuredClone(request) });
      return respond(action, request);
    },
  };
}
