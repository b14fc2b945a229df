/**
 * Waits for the callback of a `.waitForTaskToken` task: SendTaskSuccess/SendTaskFailure end it,
 * SendTaskHeartbeat pushes the heartbeat deadline, TimeoutSeconds/HeartbeatSeconds time it out.
 * The outcome and heartbeats are journaled under the token's key, so the wait survives restarts.
 */
import type { TimerHandle } from '../clock';
import type { Scope } from '../scope';
import type { TaskOutcome } from './task-outcome';

/** Journal keys derived from the key a token was issued under. */
export const callbackKeys = {
  outcome: (tokenKey: string) => `${tokenKey}:outcome`,
  heartbeat: (tokenKey: string) => `${tokenKey}:heartbeat`,
} as const;

/** The wait's limits: absolute deadline and heartbeat interval (ms), both optional. */
export type CallbackLimits = { startedAt: number; timeoutMs?: number; heartbeatMs?: number };

/** Resolves with the callback's outcome (or a timeout); rejects if the scope is interrupted. */
export function awaitCallback(scope: Scope, token: string, tokenKey: string, limits: CallbackLimits): Promise<TaskOutcome> {
  const { journal, clock, services } = scope.run;
  const outcomeKey = callbackKeys.outcome(tokenKey);
  const recorded = journal.recalled(outcomeKey) as TaskOutcome | undefined;
  if (recorded) return Promise.resolve(recorded);
  scope.checkInterrupted();
  return new Promise<TaskOutcome>((resolve, reject) => {
    const timers: { timeout?: TimerHandle; heartbeat?: TimerHandle } = {};
    let done = false;
    const cleanup = (): void => {
      done = true;
      timers.timeout?.cancel();
      timers.heartbeat?.cancel();
      unregister();
      scope.signal.removeEventListener('abort', onAbort);
    };
    const finish = (outcome: TaskOutcome): void => {
      if (done) return;
      cleanup();
      journal.remember(outcomeKey, outcome);
      resolve(outcome);
    };
    const armHeartbeat = (): void => {
      if (limits.heartbeatMs === undefined) return;
      timers.heartbeat?.cancel();
      const last = (journal.recalled(callbackKeys.heartbeat(tokenKey)) as number | undefined) ?? limits.startedAt;
      timers.heartbeat = clock.setTimer(last + limits.heartbeatMs, () =>
        finish({ status: 'timed-out', error: 'States.HeartbeatTimeout', cause: null }),
      );
    };
    const onAbort = (): void => {
      if (done) return;
      cleanup();
      try {
        scope.checkInterrupted();
      } catch (error) {
        reject(error);
      }
    };
    const unregister = services.callbacks.register(token, {
      deliver: finish,
      heartbeat: () => {
        if (done) return;
        journal.remember(callbackKeys.heartbeat(tokenKey), clock.now());
        armHeartbeat();
      },
    });
    if (limits.timeoutMs !== undefined) {
      timers.timeout = clock.setTimer(limits.startedAt + limits.timeoutMs, () =>
        finish({ status: 'timed-out', error: 'States.Timeout', cause: null }),
      );
    }
    armHeartbeat();
    scope.signal.addEventListener('abort', onAbort, { once: true });
  });
}
