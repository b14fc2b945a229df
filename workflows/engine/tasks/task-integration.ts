/**
 * A service integration behind a Task's `Resource`: how to call it and which history events and
 * details describe the call. New integrations (DynamoDB, …) are added in resolve-integration.ts.
 * https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html
 */
import type { JsonValue } from '../../asl';

/** Request-response, `.sync` (wait for a job) or `.waitForTaskToken` (wait for a callback). */
export type TaskPattern = 'request-response' | 'sync' | 'callback';

/** `task`: TaskScheduled/TaskStarted/…; `lambda`: the LambdaFunction* events of plain Lambda ARNs. */
export type TaskEventFlavour = 'task' | 'lambda';

/** One call of an integration. */
export type TaskInvocation = {
  parameters: JsonValue;
  taskToken?: string;
  executionArn: string;
  stateName: string;
  /** Deterministic id of this attempt, stable across replays (for idempotent side effects). */
  attemptKey: string;
  signal: AbortSignal;
};

/** A resolved Task resource. `invoke` throws StatesError when the task fails. */
export type TaskIntegration = {
  flavour: TaskEventFlavour;
  resourceType: string;
  resource: string;
  pattern: TaskPattern;
  invoke(invocation: TaskInvocation): Promise<JsonValue>;
};
