/**
 * Retry policies: validated, then converted to ASL Retriers with exact messages.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-handling-retrying-after-an-error
 */
import type { JitterStrategy, Retrier } from '../asl';
import { toSeconds, type Duration } from './duration';

export type RetryPolicy = {
  /** Error names to retry; default `['States.ALL']`. */
  errors?: readonly string[];
  /** Wait before the first retry (ASL default 1s). */
  interval?: Duration;
  /** Retries after the first attempt (ASL default 3; 0 means never retry). */
  maxAttempts?: number;
  /** Multiplier of the interval per retry, at least 1 (ASL default 2). */
  backoffRate?: number;
  /** Upper bound on any one wait. */
  maxDelay?: Duration;
  jitter?: JitterStrategy;
  comment?: string;
};

/** AWS's bound on MaxAttempts. */
const MAX_ATTEMPTS_LIMIT = 99_999_999;

/** Converts a policy to a Retrier, calling `report` once per invalid field. */
export function toRetrier(policy: RetryPolicy, report: (message: string) => void): Retrier {
  const duration = (field: string, value: Duration | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const seconds = toSeconds(value);
    if (typeof seconds !== 'number') {
      report(`retry ${field}: ${seconds.error}`);
      return undefined;
    }
    if (seconds < 1) report(`retry ${field} must be at least 1 second, got ${seconds}`);
    return seconds;
  };
  const errors = policy.errors ?? ['States.ALL'];
  if (errors.length === 0) report('retry errors must name at least one error (or omit it for States.ALL)');
  if (
    policy.maxAttempts !== undefined &&
    (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 0 || policy.maxAttempts > MAX_ATTEMPTS_LIMIT)
  ) {
    report(`retry maxAttempts must be a whole number from 0 to ${MAX_ATTEMPTS_LIMIT}, got ${policy.maxAttempts}`);
  }
  if (policy.backoffRate !== undefined && !(policy.backoffRate >= 1)) {
    report(`retry backoffRate must be at least 1.0, got ${policy.backoffRate}`);
  }
  const retrier: Retrier = { ErrorEquals: [...errors] };
  const interval = duration('interval', policy.interval);
  if (interval !== undefined) retrier.IntervalSeconds = interval;
  if (policy.maxAttempts !== undefined) retrier.MaxAttempts = policy.maxAttempts;
  if (policy.backoffRate !== undefined) retrier.BackoffRate = policy.backoffRate;
  const maxDelay = duration('maxDelay', policy.maxDelay);
  if (maxDelay !== undefined) retrier.MaxDelaySeconds = maxDelay;
  if (policy.jitter !== undefined) retrier.JitterStrategy = policy.jitter;
  if (policy.comment !== undefined) retrier.Comment = policy.comment;
  return retrier;
}
