/**
 * One attempt of a Task whose Resource is an activity ARN: ActivityScheduled, then the task waits
 * in the activity's queue until a worker takes it with GetActivityTask (ActivityStarted with its
 * workerName), then for SendTaskSuccess/SendTaskFailure (ActivitySucceeded/ActivityFailed) or a
 * timeout (ActivityTimedOut). TimeoutSeconds counts from ActivityScheduled, HeartbeatSeconds from
 * ActivityStarted. The start and the outcome are journaled, so the wait survives restarts; an
 * unknown activity fails the execution with States.Runtime, as AWS does.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-activities.html
 */
import type { JsonValue, TaskState } from '../../asl';
import { markAttributed } from '../attribute-failure';
import { StatesError } from '../errors';
import { evaluationStep } from '../evaluation-step';
import { NOT_TRUNCATED } from '../history-event';
import { toJsonText } from '../json-text';
import { effectiveInput, processResult } from '../process-result';
import type { Scope } from '../scope';
import type { StateRun } from '../state-run';
import { taskTimeouts } from '../states/task-timeouts';
import type { AttemptOutcome } from '../with-retry-and-catch';
import type { ActivityTasks, PendingActivityTask } from './activity-tasks';
import { awaitCallback, callbackKeys } from './await-callback';
import type { CallbackWaiter } from './callback-hub';
import type { TaskOutcome } from './task-outcome';
import { createTaskToken } from './task-token';

/** Evaluates a Task's Parameters/Arguments (task-state.ts passes its own, so both stay alike). */
export type TaskParameters = (run: StateRun<TaskState>, input: JsonValue, taskToken: string | undefined) => Promise<JsonValue>;

/** The journaled start of an activity task: who took it. */
type ActivityStart = { workerName: string | null };

const HEARTBEAT_TIMEOUT = 'States.HeartbeatTimeout';

/** The task as it waits for a worker: a queue entry, and a callback waiter for an outcome that comes first. */
class WorkerWait implements PendingActivityTask, CallbackWaiter {
  private withdraw: (() => void) | undefined;
  private unregister: (() => void) | undefined;
  private timeout: { cancel(): void } | undefined;
  private done = false;

  constructor(
    private readonly scope: Scope,
    readonly taskToken: string,
    readonly input: string,
    private readonly keys: { start: string; outcome: string },
    private readonly resolve: (result: ActivityStart | TaskOutcome) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  begin(activities: ActivityTasks, activityArn: string, deadline: number | undefined): void {
    const { clock, services } = this.scope.run;
    this.unregister = services.callbacks.register(this.taskToken, this);
    if (deadline !== undefined)
      this.timeout = clock.setTimer(deadline, () => this.deliver({ status: 'timed-out', error: 'States.Timeout', cause: null }));
    this.scope.signal.addEventListener('abort', this, { once: true });
    this.withdraw = activities.offer(activityArn, this);
  }

  start(workerName: string | undefined): void {
    if (this.done) return;
    this.cleanup();
    const start: ActivityStart = { workerName: workerName ?? null };
    const journal = this.scope.run.journal;
    journal.remember(this.keys.start, start);
    // The worker learns the token once this returns: the start must be durable first.
    journal.flush();
    this.resolve(start);
  }

  deliver(outcome: TaskOutcome): void {
    if (this.done) return;
    this.cleanup();
    this.scope.run.journal.remember(this.keys.outcome, outcome);
    this.resolve(outcome);
  }

  /** No worker holds the task yet, so there is no heartbeat to count. */
  heartbeat(): void {}

  /** The scope's abort signal fired. */
  handleEvent(): void {
    if (this.done) return;
    this.cleanup();
    try {
      this.scope.checkInterrupted();
    } catch (error) {
      this.reject(error);
    }
  }

  private cleanup(): void {
    this.done = true;
    this.timeout?.cancel();
    this.withdraw?.();
    this.unregister?.();
    this.scope.signal.removeEventListener('abort', this);
  }
}

function waitForWorker(
  scope: Scope,
  activities: ActivityTasks,
  activityArn: string,
  task: { token: string; input: string; keys: { start: string; outcome: string } },
  deadline: number | undefined,
): Promise<ActivityStart | TaskOutcome> {
  scope.checkInterrupted();
  return new Promise((resolve, reject) =>
    new WorkerWait(scope, task.token, task.input, task.keys, resolve, reject).begin(activities, activityArn, deadline),
  );
}

/**
 * AWS records a heartbeat expiry as States.Timeout; States.HeartbeatTimeout exists only for Retry
 * and Catch to match. https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
function recordedError(error: string): string {
  return error === HEARTBEAT_TIMEOUT ? 'States.Timeout' : error;
}

function outcomeEvent(scope: Scope, outcome: TaskOutcome): void {
  if (outcome.status === 'succeeded') {
    scope.emit('ActivitySucceeded', { output: toJsonText(outcome.output), outputDetails: NOT_TRUNCATED });
    return;
  }
  const details: Record<string, unknown> = {};
  if (outcome.error !== null) details.error = recordedError(outcome.error);
  if (outcome.cause !== null) details.cause = outcome.cause;
  scope.emit(outcome.status === 'timed-out' ? 'ActivityTimedOut' : 'ActivityFailed', details);
}

/** One attempt of an Activity Task state (its Retry and Catch are the Task state's). */
export async function attemptActivityTask(run: StateRun<TaskState>, taskParameters: TaskParameters): Promise<AttemptOutcome> {
  const { scope, state } = run;
  const { services, record, journal } = scope.run;
  const activityArn = state.Resource;
  const input = effectiveInput(run);
  const token = scope.memoKeyed((key) => createTaskToken({ executionArn: record.arn, key }));
  const parameters = await evaluationStep(run, () => taskParameters(run, input, token.value));
  const limits = await taskTimeouts(run, input);
  const activities = services.activities;
  // Whether the activity existed when the task was scheduled, fixed for replays.
  if (!activities || !scope.memoKeyed(() => activities.exists(activityArn)).value) {
    throw new StatesError('States.Runtime', `The activity ${activityArn} does not exist.`);
  }
  const scheduledDetails: Record<string, unknown> = { resource: activityArn, input: toJsonText(parameters), inputDetails: NOT_TRUNCATED };
  if (limits.timeoutSeconds !== undefined) scheduledDetails.timeoutInSeconds = limits.timeoutSeconds;
  if (limits.heartbeatSeconds !== undefined) scheduledDetails.heartbeatInSeconds = limits.heartbeatSeconds;
  const scheduled = scope.emit('ActivityScheduled', scheduledDetails);
  const deadline = limits.timeoutSeconds !== undefined ? scheduled.timestamp + limits.timeoutSeconds * 1000 : undefined;
  const keys = { start: scope.skip(), outcome: callbackKeys.outcome(token.key) };
  let start = journal.recalled(keys.start) as ActivityStart | undefined;
  let outcome = journal.recalled(keys.outcome) as TaskOutcome | undefined;
  if (!start && !outcome) {
    const waited = await waitForWorker(
      scope,
      activities,
      activityArn,
      { token: token.value, input: toJsonText(parameters), keys },
      deadline,
    );
    if ('status' in waited) outcome = waited;
    else start = waited;
  }
  if (start) {
    // On a replay the recorded outcome comes back at once (awaitCallback recalls it).
    const started = scope.emit('ActivityStarted', start.workerName !== null ? { workerName: start.workerName } : {});
    outcome = await awaitCallback(scope, token.value, token.key, {
      startedAt: started.timestamp,
      timeoutMs: deadline !== undefined ? deadline - started.timestamp : undefined,
      heartbeatMs: limits.heartbeatSeconds !== undefined ? limits.heartbeatSeconds * 1000 : undefined,
    });
  }
  const ended = outcome as TaskOutcome;
  outcomeEvent(scope, ended);
  if (ended.status !== 'succeeded') {
    const heartbeat = ended.error === HEARTBEAT_TIMEOUT ? { alsoMatches: HEARTBEAT_TIMEOUT } : {};
    throw markAttributed(new StatesError(recordedError(ended.error ?? ''), ended.cause ?? '', heartbeat));
  }
  return evaluationStep(run, () => processResult(run, ended.output));
}
