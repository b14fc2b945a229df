/**
 * Runs the children of a Parallel or Map state concurrently (at most `limit` at once), sharing a
 * cancellation signal: with `failFast`, the first failure cancels every child still running.
 */
import { ExecutionInterrupted } from './errors';

/** How one child ended. */
export type ChildResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What to run. `limit` 0 means no limit. */
export type ChildrenPlan<T> = {
  count: number;
  limit: number;
  parentSignal: AbortSignal;
  failFast: boolean;
  run(index: number, signal: AbortSignal): Promise<T>;
};

function isInterruption(error: unknown): boolean {
  return error instanceof ExecutionInterrupted;
}

/** Runs every child and reports each result; rethrows the parent's interruption. */
export async function runChildren<T>(plan: ChildrenPlan<T>): Promise<ChildResult<T>[]> {
  const controller = new AbortController();
  const forward = (): void => controller.abort(plan.parentSignal.reason);
  if (plan.parentSignal.aborted) forward();
  plan.parentSignal.addEventListener('abort', forward, { once: true });
  const results: ChildResult<T>[] = new Array<ChildResult<T>>(plan.count);
  let nextIndex = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && !controller.signal.aborted && nextIndex < plan.count) {
      const index = nextIndex++;
      try {
        results[index] = { ok: true, value: await plan.run(index, controller.signal) };
      } catch (error) {
        results[index] = { ok: false, error };
        if (plan.failFast && !isInterruption(error) && !failed) {
          failed = true;
          controller.abort(new ExecutionInterrupted('branch-cancelled'));
        }
      }
    }
  };
  const workers = plan.limit > 0 ? Math.min(plan.limit, plan.count) : plan.count;
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    plan.parentSignal.removeEventListener('abort', forward);
  }
  if (plan.parentSignal.aborted) {
    const reason: unknown = plan.parentSignal.reason;
    throw reason instanceof ExecutionInterrupted ? reason : new ExecutionInterrupted('aborted');
  }
  return results;
}

/** The first real failure among `results` (ignoring children cancelled because of it), if any. */
export function firstFailure<T>(results: ChildResult<T>[]): { error: unknown } | undefined {
  for (const result of results) {
    if (result && !result.ok && !isInterruption(result.error)) return { error: result.error };
  }
  return undefined;
}
