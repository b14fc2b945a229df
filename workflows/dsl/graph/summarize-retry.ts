import type { Retrier } from '../../asl';
import { formatSeconds } from '../duration';
import { formatErrorNames } from './format-error-names';

/** ASL's defaults for a retrier's omitted fields (https://states-language.net/spec.html#retrying-after-error). */
const RETRIER_DEFAULTS = { IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 } as const;

/**
 * One retrier as text with ASL's defaults filled in, e.g. `retry States.TaskFailed ×3, 2s backoff ×2`;
 * durations in the largest unit that divides them exactly (`formatSeconds`: 90 → 90s, 300 → 5m).
 */
function summarizeRetrier(retrier: Retrier): string {
  const {
    IntervalSeconds = RETRIER_DEFAULTS.IntervalSeconds,
    MaxAttempts = RETRIER_DEFAULTS.MaxAttempts,
    BackoffRate = RETRIER_DEFAULTS.BackoffRate,
  } = retrier;
  const interval = formatSeconds(IntervalSeconds);
  const parts = [
    `retry ${formatErrorNames(retrier.ErrorEquals)} ×${MaxAttempts}`,
    BackoffRate === 1 ? `every ${interval}` : `${interval} backoff ×${BackoffRate}`,
  ];
  if (retrier.MaxDelaySeconds !== undefined) parts.push(`max delay ${formatSeconds(retrier.MaxDelaySeconds)}`);
  if (retrier.JitterStrategy === 'FULL') parts.push('full jitter');
  return parts.join(', ');
}

/** A state's `Retry` as one line (retriers separated by `; `), or undefined when it has none. */
export function summarizeRetry(retry: readonly Retrier[] | undefined): string | undefined {
  if (!retry || retry.length === 0) return undefined;
  return retry.map(summarizeRetrier).join('; ');
}
