/**
 * What a tested Task calls when it has no mock. AWS runs the real call; locally only Lambda
 * (a Lambda ARN or `lambda:invoke`) can be called, through the registered task handlers, and an
 * unregistered function fails as Lambda does (Lambda.ResourceNotFoundException). AWS itself
 * takes `.sync` and `.waitForTaskToken` patterns and activities only with a mock.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 */
import type { TaskState } from '../../asl';
import { accept, refuse, type EngineResult } from '../engine-result';
import type { HandlerCallEnvironment } from '../tasks/call-task-handler';
import type { ChildExecutions } from '../tasks/child-executions';
import { resolveIntegration } from '../tasks/resolve-integration';
import type { TaskIntegration } from '../tasks/task-integration';
import type { TestStateRefusal } from './test-state-output';

/** Nested executions are never started by a test: `states:startExecution` needs a mock. */
const NO_CHILDREN: ChildExecutions = {
  start: () => {
    throw new Error('TestState starts no nested executions');
  },
  waitFor: () => Promise.reject(new Error('TestState starts no nested executions')),
};

/** The integration an unmocked Task calls, or the refusal for a call TestState cannot make. */
export function taskCall(
  state: TaskState,
  env: HandlerCallEnvironment,
  roleArn: string | undefined,
): EngineResult<TaskIntegration, TestStateRefusal> {
  if (roleArn === undefined) return refuse('ValidationException', 'RoleArn must be specified when testing a Task state');
  let integration: TaskIntegration | undefined;
  try {
    integration = resolveIntegration({ ...env, children: NO_CHILDREN }, state.Resource);
  } catch {
    integration = undefined;
  }
  if (integration && integration.pattern !== 'request-response') {
    return refuse(
      'ValidationException',
      'TestState only supports .sync or .waitForTaskToken service integration patterns when a mock is specified.',
    );
  }
  if (!integration || integration.resourceType !== 'lambda') {
    return refuse(
      'ValidationException',
      `The local TestState cannot call the resource '${state.Resource}': give a mock of its result or error.`,
    );
  }
  return accept(integration);
}
