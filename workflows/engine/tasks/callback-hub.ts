/** Tasks currently waiting for SendTaskSuccess/SendTaskFailure/SendTaskHeartbeat, by token. */
import type { TaskOutcome } from './task-outcome';

/** A waiting task: receives the callback's outcome or a heartbeat. */
export type CallbackWaiter = {
  deliver(outcome: TaskOutcome): void;
  heartbeat(): void;
};

/** The in-process registry of waiting tasks (the durable part lives in each execution's journal). */
export class CallbackHub {
  private readonly waiters = new Map<string, CallbackWaiter>();

  /** Registers a waiter; returns the function that unregisters it. */
  register(token: string, waiter: CallbackWaiter): () => void {
    this.waiters.set(token, waiter);
    return () => {
      if (this.waiters.get(token) === waiter) this.waiters.delete(token);
    };
  }

  /** The waiter for `token`, if a task is waiting on it in this process. */
  get(token: string): CallbackWaiter | undefined {
    return this.waiters.get(token);
  }

  /** How many tasks are waiting. */
  get size(): number {
    return this.waiters.size;
  }
}
