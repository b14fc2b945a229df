/** Callers waiting for executions to close (StartSyncExecution, `.sync` tasks, tests). */
import type { ExecutionRecord, ExecutionStatus } from './execution-store';

/** Statuses of a closed execution. */
export const TERMINAL_STATUSES: ReadonlySet<ExecutionStatus> = new Set<ExecutionStatus>(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

/** Waiters by execution ARN, resolved when the engine reports the execution closed. */
export class CompletionWaiters {
  private readonly waiters = new Map<string, Set<(record: ExecutionRecord) => void>>();

  /** Resolves with the closed record; rejects if `signal` aborts first. */
  wait(arn: string, signal?: AbortSignal): Promise<ExecutionRecord> {
    return new Promise((resolve, reject) => {
      const listeners = this.waiters.get(arn) ?? new Set();
      const listener = (finished: ExecutionRecord): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(finished);
      };
      const onAbort = (): void => {
        listeners.delete(listener);
        reject(signal?.reason);
      };
      listeners.add(listener);
      this.waiters.set(arn, listeners);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Resolves every waiter of `record`'s execution. */
  notify(record: ExecutionRecord): void {
    const listeners = this.waiters.get(record.arn);
    this.waiters.delete(record.arn);
    for (const listener of listeners ?? []) listener(record);
  }
}
