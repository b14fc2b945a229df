/**
 * Maps a Task's `Resource` to its integration. The seam for more services: add a case here that
 * returns a TaskIntegration.
 */
import { StatesError } from '../errors';
import type { HandlerCallEnvironment } from './call-task-handler';
import type { ChildExecutions } from './child-executions';
import { dynamoDbIntegration } from './dynamodb-integration';
import { isDynamoDbAction, type DynamoDbItems } from './dynamodb-items';
import { lambdaFunctionIntegration } from './lambda-function';
import { lambdaFunctionName } from './lambda-function-name';
import { lambdaInvokeIntegration } from './lambda-invoke';
import { startExecutionIntegration } from './start-execution';
import type { TaskIntegration } from './task-integration';

/** What integrations are built from. */
export type IntegrationEnvironment = HandlerCallEnvironment & { children: ChildExecutions; dynamodb?: DynamoDbItems };

const SERVICE_RESOURCE = /^arn:aws[a-zA-Z-]*:states:::([a-zA-Z0-9-]+):([a-zA-Z0-9]+)(?:\.(sync(?::2)?|waitForTaskToken))?$/;
const LAMBDA_ARN = /^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/;

/** The integration behind `resource`; throws States.Runtime for resources this engine cannot call. */
export function resolveIntegration(env: IntegrationEnvironment, resource: string): TaskIntegration {
  if (LAMBDA_ARN.test(resource)) {
    return lambdaFunctionIntegration(env, resource, lambdaFunctionName(resource) ?? resource);
  }
  const match = SERVICE_RESOURCE.exec(resource);
  if (match) {
    const [, service, action, suffix] = match;
    const pattern = suffix === 'waitForTaskToken' ? 'callback' : suffix ? 'sync' : 'request-response';
    if (service === 'lambda' && action === 'invoke' && pattern !== 'sync') return lambdaInvokeIntegration(env, pattern);
    if (service === 'states' && action === 'startExecution') {
      return startExecutionIntegration(env.children, pattern, suffix === 'sync' ? 'sync' : 'sync:2');
    }
    if (service === 'dynamodb' && isDynamoDbAction(action) && pattern === 'request-response')
      return dynamoDbIntegration(env.dynamodb, action, resource);
  }
  throw new StatesError('States.Runtime', `The resource '${resource}' is not supported by this engine.`);
}
