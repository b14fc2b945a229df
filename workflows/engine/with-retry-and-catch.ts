/**
 * Retry and Catch of Task, Parallel and Map states: retriers are matched in order, each with its
 * own attempt count and exponential back-off (MaxDelaySeconds, JitterStrategy FULL); once retries
 * run out the first matching catcher decides the output and the next state.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import type { Catcher, JsonValue, Retrier } from '../asl';
import { evaluateAssign } from './assign';
import { applyResultPath } from './data-flow';
import { errorEqualsMatches, isUncatchable } from './error-equals';
import { StatesError } from './errors';
import { resolveJsonataTemplate } from './jsonata/jsonata-template';
import { attributeFailure } from './attribute-failure';
import { jsonataBindings, type StateOutcome, type StateRun } from './state-run';

/** AWS's default IntervalSeconds of a retrier. */
export const DEFAULT_INTERVAL_SECONDS = 1;
/** AWS's default MaxAttempts of a retrier. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** AWS's default BackoffRate of a retrier. */
export const DEFAULT_BACKOFF_RATE = 2;

type HandlingState = { Retry?: Retrier[]; Catch?: Catcher[] };

/** What a state's attempt produced: its outcome, with the variables it assigns. */
export type AttemptOutcome = StateOutcome & { assigned?: Record<string, JsonValue> };

/** Milliseconds to wait before retry number `attempt` (0-based) of `retrier`, before jitter. */
export function retryDelayMs(retrier: Retrier, attempt: number): number {
  const interval = retrier.IntervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  const rate = retrier.BackoffRate ?? DEFAULT_BACKOFF_RATE;
  let seconds = interval * Math.pow(rate, attempt);
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  return Math.round(seconds * 1000);
}

/** The `{Error, Cause}` object a catcher passes on (`$states.errorOutput`). */
export function errorOutputOf(error: StatesError): { Error: string; Cause: string } {
  return { Error: error.code, Cause: error.details };
}

/** What a matching catcher makes of `error`: the output (ResultPath or Output), the catcher's Next and its Assign. */
export async function applyCatcher(run: StateRun, catcher: Catcher, error: StatesError): Promise<AttemptOutcome> {
  const errorOutput = errorOutputOf(error);
  if (run.language === 'JSONata') {
    const bindings = jsonataBindings(run, { errorOutput });
    const output = catcher.Output !== undefined ? await resolveJsonataTemplate(catcher.Output, bindings, 'Output') : errorOutput;
    const assigned = await evaluateAssign(run, catcher.Assign, errorOutput, { errorOutput });
    return { output, next: catcher.Next, assigned };
  }
  const assigned = await evaluateAssign(run, catcher.Assign, errorOutput);
  const output = applyResultPath(run.input, errorOutput, catcher.ResultPath === undefined ? '$' : catcher.ResultPath);
  return { output, next: catcher.Next, assigned };
}

/**
 * Runs `attempt` until it succeeds, retrying and catching as the state says. `onFailed` runs once
 * retries are exhausted, before catchers (MapStateFailed, ParallelStateFailed).
 */
export async function withRetryAndCatch(
  run: StateRun,
  attempt: () => Promise<AttemptOutcome>,
  onFailed?: (error: StatesError) => void,
): Promise<AttemptOutcome> {
  const { Retry: retriers = [], Catch: catchers = [] } = run.state as HandlingState;
  const counts = retriers.map(() => 0);
  run.retryCount = 0;
  for (;;) {
    let error: StatesError;
    try {
      return await attempt();
    } catch (thrown) {
      if (!(thrown instanceof StatesError)) throw thrown;
      error = attributeFailure(run, thrown);
    }
    if (isUncatchable(error.code)) throw error;
    const index = retriers.findIndex((retrier) => errorEqualsMatches(retrier.ErrorEquals, error.code, error.alsoMatches));
    const retrier = retriers[index];
    if (retrier && counts[index] < (retrier.MaxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      const delay = retryDelayMs(retrier, counts[index]);
      const jittered = retrier.JitterStrategy === 'FULL';
      const { clock, services } = run.scope.run;
      const random = services.random ?? Math.random;
      const dueAt = await run.scope.memo(() => clock.now() + (jittered ? Math.round(random() * delay) : delay));
      counts[index] += 1;
      run.retryCount += 1;
      await run.scope.sleepUntil(dueAt);
      continue;
    }
    onFailed?.(error);
    const catcher = catchers.find((candidate) => errorEqualsMatches(candidate.ErrorEquals, error.code, error.alsoMatches));
    if (!catcher) throw error;
    return applyCatcher(run, catcher, error);
  }
}
