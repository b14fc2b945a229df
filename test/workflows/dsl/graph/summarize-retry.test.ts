import type { Retrier } from '../../../../workflows/asl';
import { summarizeRetry } from '../../../../workflows/dsl/graph/summarize-retry';

describe('summarizeRetry', () => {
  it.each<[string, Retrier[], string]>([
    ['ASL defaults when fields are omitted', [{ ErrorEquals: ['States.ALL'] }], 'retry States.ALL ×3, 1s backoff ×2'],
    [
      'every listed error and a fractional rate',
      [{ ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'], MaxAttempts: 4, BackoffRate: 1.5 }],
      'retry States.Timeout, Lambda.ServiceException ×4, 1s backoff ×1.5',
    ],
    ['a fixed interval when BackoffRate is 1', [{ ErrorEquals: ['X'], IntervalSeconds: 300, BackoffRate: 1 }], 'retry X ×3, every 5m'],
    [
      'the delay cap and full jitter',
      [{ ErrorEquals: ['X'], MaxDelaySeconds: 3_600, JitterStrategy: 'FULL' }],
      'retry X ×3, 1s backoff ×2, max delay 1h, full jitter',
    ],
    [
      'several retriers in order',
      [
        { ErrorEquals: ['A'], MaxAttempts: 0 },
        { ErrorEquals: ['B'], IntervalSeconds: 10 },
      ],
      'retry A ×0, 1s backoff ×2; retry B ×3, 10s backoff ×2',
    ],
  ])('summarises %s', (_case, retry, expected) => {
    const summary = summarizeRetry(retry);

    expect(summary).toBe(expected);
  });

  it('returns undefined for a missing or empty Retry', () => {
    expect(summarizeRetry(undefined)).toBeUndefined();
    expect(summarizeRetry([])).toBeUndefined();
  });
});
