import type { TaskHandler } from '../../../workflows/engine';
import { retryDelayMs } from '../../../workflows/engine/with-retry-and-catch';
import { createEngineHarness, outputOf } from '../../helpers/engine-harness';

function failing(times: number, name = 'Flaky'): { handler: TaskHandler; calls: number[] } {
  const calls: number[] = [];
  let remaining = times;
  return {
    calls,
    handler: () => {
      calls.push(Date.now());
      if (remaining-- > 0) {
        const error = new Error('boom');
        error.name = name;
        throw error;
      }
      return 'ok';
    },
  };
}

const taskWith = (extra: Record<string, unknown>) => ({
  StartAt: 'T',
  States: {
    T: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'fn' },
      OutputPath: '$.Payload',
      End: true,
      ...extra,
    },
    Caught: { Type: 'Pass', End: true },
  },
});

describe('Retry', () => {
  it.each([
    [{ ErrorEquals: ['X'] }, [1000, 2000, 4000]],
    [{ ErrorEquals: ['X'], IntervalSeconds: 3, BackoffRate: 1.5 }, [3000, 4500, 6750]],
    [{ ErrorEquals: ['X'], IntervalSeconds: 10, MaxDelaySeconds: 15 }, [10000, 15000, 15000]],
  ])('backs off exponentially for %j', (retrier, delays) => {
    expect([0, 1, 2].map((attempt) => retryDelayMs(retrier, attempt))).toStrictEqual(delays);
  });

  it('retries States.Timeout with exponential backoff in virtual time', async () => {
    const attempts: number[] = [];
    const harness = createEngineHarness({
      handlers: {
        fn: () => {
          attempts.push(harness.clock.now());
          return new Promise(() => {});
        },
      },
    });

    const { record, events } = await harness.run(
      taskWith({ TimeoutSeconds: 10, Retry: [{ ErrorEquals: ['States.Timeout'], IntervalSeconds: 2, MaxAttempts: 2 }] }),
    );

    const start = record.startedAt;
    expect(attempts.map((at) => at - start)).toStrictEqual([0, 12_000, 26_000]);
    expect(record.error).toBe('States.Timeout');
    expect(events.filter((event) => event.type === 'TaskTimedOut')).toHaveLength(3);
  });

  it('gives up after MaxAttempts and then catches, with the error output at ResultPath', async () => {
    const { handler } = failing(5);
    const harness = createEngineHarness({ handlers: { fn: handler } });

    const { record } = await harness.run(
      taskWith({
        Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 2, IntervalSeconds: 1 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Caught' }],
      }),
      { kept: true },
    );

    const output = outputOf(record) as { kept: boolean; error: { Error: string; Cause: string } };
    expect(output.kept).toBe(true);
    expect(output.error.Error).toBe('Flaky');
    expect(JSON.parse(output.error.Cause)).toMatchObject({ errorMessage: 'boom', errorType: 'Flaky' });
  });

  it('succeeds once a retry works, counting $$.State.RetryCount', async () => {
    const { handler } = failing(2);
    const harness = createEngineHarness({ handlers: { fn: handler } });
    const definition = taskWith({
      Retry: [{ ErrorEquals: ['States.ALL'] }],
      Parameters: { FunctionName: 'fn', Payload: { 'retry.$': '$$.State.RetryCount' } },
    });

    const { record, events } = await harness.run(definition);

    expect(outputOf(record)).toBe('ok');
    const scheduled = events
      .filter((event) => event.type === 'TaskScheduled')
      .map((event) => JSON.parse(String(event.details?.parameters)) as { Payload: { retry: number } });
    expect(scheduled.map((parameters) => parameters.Payload.retry)).toStrictEqual([0, 1, 2]);
  });

  it('keeps jittered delays within the computed back-off', async () => {
    const attempts: number[] = [];
    const harness = createEngineHarness({
      handlers: {
        fn: () => {
          attempts.push(harness.clock.now());
          throw new Error('x');
        },
      },
    });

    await harness.run(taskWith({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 100, MaxAttempts: 1, JitterStrategy: 'FULL' }] }));

    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(0);
    expect(attempts[1] - attempts[0]).toBeLessThanOrEqual(100_000);
  });

  it('never retries or catches States.Runtime', async () => {
    const harness = createEngineHarness({ handlers: { fn: () => 1 } });

    const { record } = await harness.run(
      taskWith({
        InputPath: '$.missing',
        Retry: [{ ErrorEquals: ['States.ALL'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
      }),
    );

    expect(record.error).toBe('States.Runtime');
    expect(record.cause).toBe(
      "An error occurred while executing the state 'T' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']",
    );
  });
});

describe('Catch in JSONata', () => {
  it('evaluates Output and Assign with $states.errorOutput', async () => {
    const harness = createEngineHarness({
      handlers: {
        fn: () => {
          throw new TypeError('bad');
        },
      },
    });
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'fn' },
          Catch: [
            { ErrorEquals: ['TypeError'], Output: { kind: '{% $states.errorOutput.Error %}' }, Assign: { failed: true }, Next: 'After' },
          ],
          End: true,
        },
        After: { Type: 'Pass', Output: { kind: '{% $states.input.kind %}', failed: '{% $failed %}' }, End: true },
      },
    };

    const { record } = await harness.run(definition);

    expect(outputOf(record)).toStrictEqual({ kind: 'TypeError', failed: true });
  });
});
