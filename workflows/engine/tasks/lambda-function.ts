/**
 * A Task whose Resource is a Lambda function ARN (the original integration): the effective
 * input is the payload, the handler's result is the task result, and the history uses the
 * LambdaFunction* events.
 */
import type { HandlerCallEnvironment } from './call-task-handler';
import { callTaskHandler } from './call-task-handler';
import type { TaskIntegration } from './task-integration';

/** The integration for `arn:aws:lambda:REGION:ACCOUNT:function:NAME`. */
export function lambdaFunctionIntegration(env: HandlerCallEnvironment, resourceArn: string, functionName: string): TaskIntegration {
  return {
    flavour: 'lambda',
    resourceType: 'lambda',
    resource: resourceArn,
    pattern: 'request-response',
    invoke: (invocation) =>
      callTaskHandler(env, functionName, invocation.parameters, {
        functionName,
        executionArn: invocation.executionArn,
        stateName: invocation.stateName,
        signal: invocation.signal,
      }),
  };
}
