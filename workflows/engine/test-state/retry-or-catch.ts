/**
 * How TestState reports a state's error: RETRIABLE when a retrier matches and has attempts left
 * (after `retrierRetryCount` retries), with its index and back-off; else CAUGHT_ERROR with the
 * matching catcher's index; else FAILED (with the index of an exhausted retrier).
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_InspectionErrorDetails.html
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestStateConfiguration.html
 */
import type { Catcher, Retrier, State } from '../../asl';
import { errorEqualsMatches, isUncatchable } from '../error-equals';
import type { StatesError } from '../errors';
import { DEFAULT_MAX_ATTEMPTS, retryDelayMs } from '../with-retry-and-catch';

/** What happens to the error: a retry, a catcher, or the state fails. */
export type ErrorHandling =
  | { kind: 'retry'; retryIndex: number; backoffSeconds: number }
  | { kind: 'catch'; catchIndex: number; catcher: Catcher; retryIndex?: number }
  | { kind: 'fail'; retryIndex?: number };

/** Decides what `state`'s Retry and Catch make of `error` after `retryCount` retries. */
export function retryOrCatch(state: State, error: StatesError, retryCount: number): ErrorHandling {
  const { Retry: retriers = [], Catch: catchers = [] } = state as { Retry?: Retrier[]; Catch?: Catcher[] };
  if (isUncatchable(error.code)) return { kind: 'fail' };
  const matches = (errorEquals: string[]): boolean => errorEqualsMatches(errorEquals, error.code, error.alsoMatches);
  const index = retriers.findIndex((retrier) => matches(retrier.ErrorEquals));
  const retryIndex = index >= 0 ? index : undefined;
  if (retryIndex !== undefined && retryCount < (retriers[retryIndex].MaxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
    // The back-off before jitter (JitterStrategy FULL waits a random part of it).
    return { kind: 'retry', retryIndex, backoffSeconds: Math.round(retryDelayMs(retriers[retryIndex], retryCount) / 1000) };
  }
  const catchIndex = catchers.findIndex((catcher) => matches(catcher.ErrorEquals));
  if (catchIndex >= 0) return { kind: 'catch', catchIndex, catcher: catchers[catchIndex], retryIndex };
  return { kind: 'fail', retryIndex };
}
