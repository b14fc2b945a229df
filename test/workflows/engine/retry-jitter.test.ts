/** FULL retry jitter draws from the engine's injected randomness, so a test can pin the wait. */
import { createEngineHarness } from '../../helpers/engine-harness';

const definition = {
  StartAt: 'Flaky',
  States: {
    Flaky: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'flaky', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 10, BackoffRate: 2, MaxAttempts: 2, JitterStrategy: 'FULL' }],
      End: true,
    },
  },
};

/** The wait before each retry: from a failure to the next attempt's scheduling. */
async function retryWaits(random: () => number): Promise<number[]> {
  let calls = 0;
  const harness = createEngineHarness({
    random,
    handlers: {
      flaky: () => {
        calls += 1;
        if (calls <= 2) throw Object.assign(new Error('busy'), { name: 'Busy' });
        return { ok: true };
      },
    },
  });
  const { record, events } = await harness.run(definition);
  expect(record.status).toBe('SUCCEEDED');
  const failed = events.filter((event) => event.type === 'TaskFailed').map((event) => event.timestamp);
  const scheduled = events.filter((event) => event.type === 'TaskScheduled').map((event) => event.timestamp);
  return failed.map((at, index) => scheduled[index + 1] - at);
}

describe('FULL retry jitter', () => {
  it('waits random() × the backoff delay, with random() drawn from the engine', async () => {
    expect(await retryWaits(() => 0.5)).toEqual([5_000, 10_000]);
    expect(await retryWaits(() => 0.25)).toEqual([2_500, 5_000]);
  });
});
