/**
 * Calls an integration once, bounded by the task's deadline and the scope's cancellation, and
 * turns what happened into a TaskOutcome (the form memoised in the journal).
 */
import type { JsonValue } from '../../asl';
import { ExecutionInterrupted, StatesError } from '../errors';
import type { Scope } from '../scope';
import type { TaskIntegration, TaskInvocation } from './task-integration';
import type { TaskOutcome } from './task-outcome';

function failedOutcome(error: unknown): TaskOutcome {
  if (error instanceof ExecutionInterrupted) throw error;
  if (error instanceof StatesError) return { status: 'failed', error: error.code || null, cause: error.details || null };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'failed', error: 'States.TaskFailed', cause: message };
}

/** Invokes `integration`; resolves to timed-out when `deadline` (epoch ms) passes first. */
export async function invokeIntegration(
  scope: Scope,
  integration: TaskIntegration,
  invocation: Omit<TaskInvocation, 'signal'>,
  deadline: number | undefined,
): Promise<TaskOutcome> {
  const controller = new AbortController();
  const forward = (): void => controller.abort(scope.signal.reason);
  scope.signal.addEventListener('abort', forward, { once: true });
  scope.run.journal.flush();
  // Work outside the engine (a handler, a DynamoDB call) keeps virtual time still; a `.sync`
  // child execution does not, since it only progresses as time does.
  const inFlight = scope.run.services.inFlight;
  const outside = integration.pattern !== 'sync' ? 1 : 0;
  inFlight.tasks += outside;
  const work: Promise<TaskOutcome> = integration
    .invoke({ ...invocation, signal: controller.signal })
    .then((output: JsonValue): TaskOutcome => ({ status: 'succeeded', output }), failedOutcome)
    .finally(() => {
      inFlight.tasks -= outside;
    });
  try {
    if (deadline === undefined) return await scope.guard(work);
    let timer: { cancel(): void } | undefined;
    const timeout = new Promise<TaskOutcome>((resolve) => {
      timer = scope.run.clock.setTimer(deadline, () => {
        controller.abort(new ExecutionInterrupted('aborted'));
        resolve({ status: 'timed-out', error: 'States.Timeout', cause: null });
      });
    });
    try {
      return await scope.guard(Promise.race([work, timeout]));
    } finally {
      timer?.cancel();
    }
  } finally {
    scope.signal.removeEventListener('abort', forward);
  }
}
