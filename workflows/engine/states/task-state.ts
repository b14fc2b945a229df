/**
 * Task: calls its Resource (see tasks/resolve-integration.ts) with Parameters/Arguments and
 * records the TaskScheduled → TaskStarted → (TaskSubmitted) → TaskSucceeded/Failed/TimedOut
 * events (LambdaFunction* for plain Lambda ARNs). Each attempt's outcome is journaled, so after a
 * restart a finished call is not repeated and an unfinished one is called again.
 * https://states-language.net/spec.html#task-state
 */
import type { JsonValue, TaskState } from '../../asl';
import { resolvePayloadTemplate } from '../data-flow';
import { StatesError } from '../errors';
import { NOT_TRUNCATED } from '../history-event';
import { toJsonText } from '../json-text';
import { resolveJsonataTemplate } from '../jsonata/jsonata-template';
import { withRetryAndCatch, type AttemptOutcome } from '../with-retry-and-catch';
import { markAttributed } from '../attribute-failure';
import { effectiveInput, processResult } from '../process-result';
import { jsonataBindings, pathScope, type StateRun } from '../state-run';
import { evaluationStep } from '../evaluation-step';
import { parseActivityArn } from '../activity-arns';
import { attemptActivityTask } from '../tasks/attempt-activity-task';
import { awaitCallback } from '../tasks/await-callback';
import { invokeIntegration } from '../tasks/invoke-integration';
import type { TaskIntegration } from '../tasks/task-integration';
import type { TaskOutcome } from '../tasks/task-outcome';
import { createTaskToken } from '../tasks/task-token';
import { taskTimeouts, type TaskTimeouts } from './task-timeouts';

async function evaluateParameters(run: StateRun<TaskState>, input: JsonValue, taskToken: string | undefined): Promise<JsonValue> {
  const { state } = run;
  if (run.language === 'JSONata') {
    if (state.Arguments === undefined) return input;
    return resolveJsonataTemplate(state.Arguments, jsonataBindings(run, {}, { taskToken }), 'Arguments');
  }
  if (state.Parameters === undefined) return input;
  return resolvePayloadTemplate(state.Parameters, input, pathScope(run, { taskToken }), 'Parameters');
}

async function taskParameters(run: StateRun<TaskState>, input: JsonValue, taskToken: string | undefined): Promise<JsonValue> {
  const parameters = await evaluateParameters(run, input, taskToken);
  run.inspect?.(run.language === 'JSONata' ? 'afterArguments' : 'afterParameters', parameters);
  return parameters;
}

function scheduledEvent(run: StateRun<TaskState>, integration: TaskIntegration, parameters: JsonValue, limits: TaskTimeouts): void {
  const { region } = run.scope.run.services;
  if (integration.flavour === 'lambda') {
    const details: Record<string, unknown> = { resource: integration.resource, input: toJsonText(parameters), inputDetails: NOT_TRUNCATED };
    if (limits.timeoutSeconds !== undefined) details.timeoutInSeconds = limits.timeoutSeconds;
    run.scope.emit('LambdaFunctionScheduled', details);
    return;
  }
  const details: Record<string, unknown> = {
    resourceType: integration.resourceType,
    resource: integration.resource,
    region,
    parameters: toJsonText(parameters),
  };
  if (limits.timeoutSeconds !== undefined) details.timeoutInSeconds = limits.timeoutSeconds;
  if (limits.heartbeatSeconds !== undefined) details.heartbeatInSeconds = limits.heartbeatSeconds;
  run.scope.emit('TaskScheduled', details);
}

const HEARTBEAT_TIMEOUT = 'States.HeartbeatTimeout';

/**
 * AWS records a heartbeat expiry as States.Timeout (events, execution error); States.HeartbeatTimeout
 * exists only for Retry and Catch to match. https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
function recordedError(error: string): string {
  return error === HEARTBEAT_TIMEOUT ? 'States.Timeout' : error;
}

function outcomeEvent(run: StateRun<TaskState>, integration: TaskIntegration, outcome: TaskOutcome): void {
  const lambda = integration.flavour === 'lambda';
  const base = lambda ? {} : { resourceType: integration.resourceType, resource: integration.resource };
  if (outcome.status === 'succeeded') {
    run.scope.emit(lambda ? 'LambdaFunctionSucceeded' : 'TaskSucceeded', {
      ...base,
      output: toJsonText(outcome.output),
      outputDetails: NOT_TRUNCATED,
    });
    return;
  }
  const details: Record<string, unknown> = { ...base };
  if (outcome.error !== null) details.error = recordedError(outcome.error);
  if (outcome.cause !== null) details.cause = outcome.cause;
  const type =
    outcome.status === 'timed-out' ? (lambda ? 'LambdaFunctionTimedOut' : 'TaskTimedOut') : lambda ? 'LambdaFunctionFailed' : 'TaskFailed';
  run.scope.emit(type, details);
}

/** One attempt of a Task state: parameters, the call (and its events), result processing; no Retry or Catch. */
export async function attemptTask(run: StateRun<TaskState>): Promise<AttemptOutcome> {
  if (parseActivityArn(run.state.Resource)) return attemptActivityTask(run, taskParameters);
  const { scope, state, name } = run;
  const { services, record } = scope.run;
  const integration = services.integration(state.Resource);
  const input = effectiveInput(run);
  const token =
    integration.pattern === 'callback' ? scope.memoKeyed((key) => createTaskToken({ executionArn: record.arn, key })) : undefined;
  const parameters = await evaluationStep(run, () => taskParameters(run, input, token?.value));
  const limits = await taskTimeouts(run, input);
  scheduledEvent(run, integration, parameters, limits);
  const started = scope.emit(
    integration.flavour === 'lambda' ? 'LambdaFunctionStarted' : 'TaskStarted',
    integration.flavour === 'lambda' ? undefined : { resourceType: integration.resourceType, resource: integration.resource },
  );
  const timeoutMs = limits.timeoutSeconds !== undefined ? limits.timeoutSeconds * 1000 : undefined;
  const deadline = timeoutMs !== undefined ? started.timestamp + timeoutMs : undefined;
  const attemptKey = scope.skip();
  let outcome = await scope.run.journal.memo(attemptKey, () =>
    invokeIntegration(
      scope,
      integration,
      { parameters, taskToken: token?.value, executionArn: record.arn, stateName: name, attemptKey },
      deadline,
    ),
  );
  if (token && outcome.status === 'succeeded') {
    scope.emit('TaskSubmitted', {
      resourceType: integration.resourceType,
      resource: integration.resource,
      output: toJsonText(outcome.output),
      outputDetails: NOT_TRUNCATED,
    });
    outcome = await awaitCallback(scope, token.value, token.key, {
      startedAt: started.timestamp,
      timeoutMs,
      heartbeatMs: limits.heartbeatSeconds !== undefined ? limits.heartbeatSeconds * 1000 : undefined,
    });
  }
  outcomeEvent(run, integration, outcome);
  if (outcome.status !== 'succeeded') {
    const heartbeat = outcome.error === HEARTBEAT_TIMEOUT ? { alsoMatches: HEARTBEAT_TIMEOUT } : {};
    throw markAttributed(new StatesError(recordedError(outcome.error ?? ''), outcome.cause ?? '', heartbeat));
  }
  const result = outcome.output;
  return evaluationStep(run, () => processResult(run, result));
}

/** Runs a Task state (with its Retry and Catch). */
export function runTaskState(run: StateRun<TaskState>): Promise<AttemptOutcome> {
  return withRetryAndCatch(run, () => attemptTask(run));
}
