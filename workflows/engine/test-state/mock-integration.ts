/**
 * A Task integration that answers with the TestState mock instead of calling the service: the
 * mocked result stands for the whole call, `.waitForTaskToken` callbacks and `.sync` jobs included.
 * https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html
 */
import type { JsonValue } from '../../asl';
import { StatesError } from '../errors';
import type { CallbackHub } from '../tasks/callback-hub';
import type { TaskIntegration, TaskPattern } from '../tasks/task-integration';
import type { TaskOutcome } from '../tasks/task-outcome';
import type { ParsedMock } from './parse-mock';

const LAMBDA_ARN = /^arn:aws[a-zA-Z-]*:lambda:/;
const SERVICE_RESOURCE = /^arn:aws[a-zA-Z-]*:states:::([a-zA-Z0-9-]+):[^.]+(?:\.(sync(?::2)?|waitForTaskToken))?$/;

/** How many turns a mocked callback waits for its task to start waiting (a handful is plenty). */
const MAX_DELIVERY_TURNS = 100;

function patternOf(resource: string): TaskPattern {
  const suffix = SERVICE_RESOURCE.exec(resource)?.[2];
  return suffix === 'waitForTaskToken' ? 'callback' : suffix ? 'sync' : 'request-response';
}

function outcomeOf(mock: ParsedMock): TaskOutcome {
  return mock.kind === 'result' ? { status: 'succeeded', output: mock.result } : { status: 'failed', error: mock.error, cause: mock.cause };
}

/** Hands the mocked outcome to the task waiting on `token`, once it waits (after TaskSubmitted). */
function deliverWhenWaiting(callbacks: CallbackHub, token: string, outcome: TaskOutcome, turn = 0): void {
  setImmediate(() => {
    const waiter = callbacks.get(token);
    if (waiter) waiter.deliver(outcome);
    else if (turn < MAX_DELIVERY_TURNS) deliverWhenWaiting(callbacks, token, outcome, turn + 1);
  });
}

/** The integration for `resource` that answers with `mock`. */
export function mockIntegration(resource: string, mock: ParsedMock, callbacks: CallbackHub): TaskIntegration {
  const pattern = patternOf(resource);
  return {
    flavour: LAMBDA_ARN.test(resource) ? 'lambda' : 'task',
    resourceType: SERVICE_RESOURCE.exec(resource)?.[1] ?? 'lambda',
    resource,
    pattern,
    invoke(invocation): Promise<JsonValue> {
      if (mock.kind === 'error') return Promise.reject(new StatesError(mock.error, mock.cause));
      if (pattern !== 'callback' || invocation.taskToken === undefined) return Promise.resolve(mock.result);
      deliverWhenWaiting(callbacks, invocation.taskToken, outcomeOf(mock));
      return Promise.resolve(null);
    },
  };
}
