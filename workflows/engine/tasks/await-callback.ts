/**
 * Waits for the callback of a `.waitForTaskToken` task: SendTaskSuccess/SendTaskFailure end it,
 * SendTaskHeartbeat pushes the heartbeat deadline, TimeoutSeconds/HeartbeatSeconds time it out.
 * The outcome and heartbeats are journaled under the token's key, so the wait survives restarts.
 */
import type { TimerHandle } from '../clock';
import type { Scope } from '../scope';
import type { CallbackWaiter } from './callback-hub';
import type { TaskOutcome } from './task-outcome';

/** Journal keys derived from the key a token was issued under. */
export const callbackKeys = {
  outcome: (tokenKey: string) => `${tokenKey}:outcome`,
  heartbeat: (tokenKey: string) => `${tokenKey}:heartbeat`,
} as const;

/** The wait's limits: absolute deadline and heartbeat interval (ms), both optional. */
export type CallbackLimits = { startedAt: number; timeoutMs?: number; heartbeatMs?: number };

/**
 * One task waiting for its callback. A class rather than closures: thousands of executions may
 * park here for days, and each closure would cost memory for as long.
 */
class CallbackWait implements CallbackWaiter {
  private timeout: TimerHandle | undefined;
  private heartbeatTimer: TimerHandle | undefined;
  private unregister: (() => void) | undefined;
  private done = false;

  constructor(
    private readonly scope: Scope,
    private readonly tokenKey: string,
    private readonly limits: CallbackLimits,
    private readonly resolve: (outcome: TaskOutcome) => void,
    private readonly reject: (error: unknown) => void,
  ) {}

  start(token: string): void {
    const { clock, services } = this.scope.run;
    this.unregister = services.callbacks.register(token, this);
    if (this.limits.timeoutMs !== undefined) {
      this.timeout = clock.setTimer(this.limits.startedAt + this.limits.timeoutMs, () =>
        this.deliver({ status: 'timed-out', error: 'States.Timeout', cause: null }),
      );
    }
    this.armHeartbeat();
    this.scope.signal.addEventListener('abort', this, { once: true });
  }

  deliver(outcome: TaskOutcome): void {
    if (this.done) return;
    this.cleanup();
    this.scope.run.journal.remember(callbackKeys.outcome(this.tokenKey), outcome);
    this.resolve(outcome);
  }

  heartbeat(): void {
    if (this.done) return;
    this.scope.run.journal.remember(callbackKeys.heartbeat(this.tokenKey), this.scope.run.clock.now());
    this.armHeartbeat();
  }

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

  private armHeartbeat(): void {
    if (this.limits.heartbeatMs === undefined) return;
    this.heartbeatTimer?.cancel();
    const last = (this.scope.run.journal.recalled(callbackKeys.heartbeat(this.tokenKey)) as number | undefined) ?? this.limits.startedAt;
    this.heartbeatTimer = this.scope.run.clock.setTimer(last + this.limits.heartbeatMs, () =>
      this.deliver({ status: 'timed-out', error: 'States.HeartbeatTimeout', cause: null }),
    );
  }

  private cleanup(): void {
    this.done = true;
    this.timeout?.cancel();
    this.heartbeatTimer?.cancel();
    this.unregister?.();
    this.scope.signal.removeEventListener('abort', this);
  }
}

/** Resolves with the callback's outcome (or a timeout); rejects if the scope is interrupted. */
export function awaitCallback(scope: Scope, token: string, tokenKey: string, limits: CallbackLimits): Promise<TaskOutcome> {
  const recorded = scope.run.journal.recalled(callbackKeys.outcome(tokenKey)) as TaskOutcome | undefined;
  if (recorded) return Promise.resolve(recorded);
  scope.checkInterrupted();
  return new Promise<TaskOutcome>((resolve, reject) => new CallbackWait(scope, tokenKey, limits, resolve, reject).start(token));
}
