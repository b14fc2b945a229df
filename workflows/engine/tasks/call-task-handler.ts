/**
 * Calls a registered TypeScript handler the way Lambda would: an unknown function fails with
 * Lambda.ResourceNotFoundException; a thrown error becomes error = its name and cause = the JSON
 * Lambda's Node.js runtime reports (errorType, errorMessage, trace).
 */
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { lambdaFunctionArn } from './lambda-function-name';
import type { TaskHandlerContext, TaskHandlerRegistry } from './task-handler-registry';

/** Where the handlers and the account live. */
export type HandlerCallEnvironment = { handlers: TaskHandlerRegistry; region: string; accountId: string };

function lambdaErrorOf(thrown: unknown): StatesError {
  const error = thrown instanceof Error ? thrown : new Error(String(thrown));
  const errorType = error.name || 'Error';
  const trace = (error.stack ?? `${errorType}: ${error.message}`).split('\n');
  const cause = JSON.stringify({ errorType, errorMessage: error.message, trace });
  return new StatesError(errorType, cause, { cause: thrown });
}

/** Makes a handler's return value JSON (undefined becomes null, as Lambda returns `null`). */
function toJsonResult(value: unknown): JsonValue {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

/** Runs the handler of `functionName` with `payload`, or fails like Lambda does. */
export async function callTaskHandler(
  env: HandlerCallEnvironment,
  functionName: string,
  payload: JsonValue,
  context: TaskHandlerContext,
): Promise<JsonValue> {
  const handler = env.handlers.get(functionName);
  if (!handler) {
    const arn = lambdaFunctionArn(functionName, env.region, env.accountId);
    throw new StatesError(
      'Lambda.ResourceNotFoundException',
      `Function not found: ${arn} (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: ${randomUUID()}; Proxy: null)`,
    );
  }
  let result: unknown;
  try {
    result = await handler(structuredClone(payload), context);
  } catch (thrown) {
    throw lambdaErrorOf(thrown);
  }
  return toJsonResult(result);
}
