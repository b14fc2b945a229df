/**
 * `arn:aws:states:::lambda:invoke[.waitForTaskToken]`: calls the handler registered under
 * Parameters.FunctionName with Parameters.Payload and returns Lambda's Invoke response.
 * https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '../../asl';
import { StatesError } from '../errors';
import { callTaskHandler, type HandlerCallEnvironment } from './call-task-handler';
import { lambdaFunctionName } from './lambda-function-name';
import type { TaskIntegration, TaskPattern } from './task-integration';

function invokeResponse(payload: JsonValue): JsonObject {
  const requestId = randomUUID();
  const length = String(Buffer.byteLength(JSON.stringify(payload)));
  const date = new Date().toUTCString();
  const headers: JsonObject = {
    Connection: 'keep-alive',
    'Content-Length': length,
    'Content-Type': 'application/json',
    Date: date,
    'X-Amz-Executed-Version': '$LATEST',
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
  };
  const allHeaders: JsonObject = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: { AllHttpHeaders: allHeaders, HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

function parametersOf(parameters: JsonValue): { functionName: string; payload: JsonValue } {
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw new StatesError('States.Runtime', 'The Parameters of a lambda:invoke task must be an object with a FunctionName.');
  }
  const reference = parameters.FunctionName;
  const functionName = typeof reference === 'string' ? lambdaFunctionName(reference) : undefined;
  if (!functionName) {
    throw new StatesError(
      'Lambda.InvalidParameterValueException',
      `1 validation error detected: Value '${typeof reference === 'string' ? reference : JSON.stringify(reference)}' at 'functionName' failed to satisfy constraint`,
    );
  }
  return { functionName, payload: parameters.Payload === undefined ? {} : parameters.Payload };
}

/** The lambda:invoke integration over the registered handlers. */
export function lambdaInvokeIntegration(env: HandlerCallEnvironment, pattern: TaskPattern): TaskIntegration {
  return {
    flavour: 'task',
    resourceType: 'lambda',
    resource: pattern === 'callback' ? 'invoke.waitForTaskToken' : 'invoke',
    pattern,
    async invoke(invocation) {
      const { functionName, payload } = parametersOf(invocation.parameters);
      const result = await callTaskHandler(env, functionName, payload, {
        functionName,
        executionArn: invocation.executionArn,
        stateName: invocation.stateName,
        taskToken: invocation.taskToken,
        signal: invocation.signal,
      });
      return invokeResponse(result);
    },
  };
}
