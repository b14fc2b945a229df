/**
 * SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat: hands a callback to the task waiting on
 * the token, or journals it for a task that is about to wait again (replay after a restart).
 * AWS's refusals: InvalidToken (not a token), TaskDoesNotExist (unknown task), TaskTimedOut
 * (the task is no longer waiting). https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
 */
import { accept, refuse, type EngineResult } from '../engine-result';
import type { ExecutionRun } from '../execution-run';
import type { ExecutionStore } from '../execution-store';
import { callbackKeys } from './await-callback';
import type { CallbackHub } from './callback-hub';
import type { TaskOutcome } from './task-outcome';
import { parseTaskToken } from './task-token';

/** What the callback carries. */
export type CallbackAction = { kind: 'outcome'; outcome: TaskOutcome } | { kind: 'heartbeat' };

/** Where callbacks are delivered. */
export type CallbackTargets = { hub: CallbackHub; runs: ReadonlyMap<string, ExecutionRun>; store: ExecutionStore };

/** AWS exception names a callback can be refused with. */
export type CallbackRefusal = 'InvalidToken' | 'TaskDoesNotExist' | 'TaskTimedOut';

/** Delivers `action` for `token`. */
export function deliverCallback(targets: CallbackTargets, token: string, action: CallbackAction): EngineResult<void, CallbackRefusal> {
  const address = parseTaskToken(token);
  if (!address) return refuse('InvalidToken', 'Invalid token');
  const waiter = targets.hub.get(token);
  if (waiter) {
    if (action.kind === 'outcome') waiter.deliver(action.outcome);
    else waiter.heartbeat();
    targets.store.flush();
    return accept(undefined);
  }
  const record = targets.store.getExecution(address.executionArn);
  const run = targets.runs.get(address.executionArn);
  if (!record || !run) return refuse(record ? 'TaskTimedOut' : 'TaskDoesNotExist', record ? 'Task Timed Out' : 'Task does not exist');
  const issued = run.journal.recalled(address.key);
  if (issued !== token) return refuse('TaskDoesNotExist', 'Task does not exist');
  if (run.journal.recalled(callbackKeys.outcome(address.key)) !== undefined) return refuse('TaskTimedOut', 'Task Timed Out');
  if (action.kind === 'outcome') run.journal.remember(callbackKeys.outcome(address.key), action.outcome);
  else run.journal.remember(callbackKeys.heartbeat(address.key), run.clock.now());
  targets.store.flush();
  return accept(undefined);
}
