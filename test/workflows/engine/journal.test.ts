import { MemoryExecutionStore, type ExecutionStore, type TaskHandler } from '../../../workflows/engine';
import { createEngineHarness, outputOf, type EngineHarness } from '../../helpers/engine-harness';
import { createFakeClock } from '../../helpers/fake-clock';

/** Simulates kill -9: a second engine over the same store, on a clock that continues from the first one's time. */
function restart(
  previous: EngineHarness,
  handlers: Record<string, TaskHandler> = {},
  store: ExecutionStore = previous.store,
): EngineHarness {
  const clock = createFakeClock({ start: previous.clock.now() });
  const next = createEngineHarness({ store, clock, handlers });
  next.engine.recover();
  return next;
}

function assertUniqueIds(harness: EngineHarness, arn: string): void {
  const ids = harness.engine.history(arn).map((event) => event.id);
  expect(ids).toStrictEqual(ids.map((_, index) => index + 1));
}

describe('Journal replay after a crash', () => {
  it('wakes a Wait at its original due time and records nothing twice', async () => {
    const first = createEngineHarness();
    const arn = first.start(
      first.deploy({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, Next: 'P' }, P: { Type: 'Pass', End: true } } }),
    );
    await first.clock.advance(600_000);

    const second = restart(first);
    const record = await second.finish(arn);

    expect(record.stoppedAt! - record.startedAt).toBe(3_600_000);
    expect(second.types(arn)).toStrictEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
    assertUniqueIds(second, arn);
  });

  it('invokes a task that was in flight again (at-least-once) and a finished one never again', async () => {
    const calls: string[] = [];
    const hang: TaskHandler = (input) => {
      calls.push(`hang:${JSON.stringify(input)}`);
      return new Promise(() => {});
    };
    const first = createEngineHarness({
      handlers: {
        done: () => {
          calls.push('done');
          return 1;
        },
        slow: hang,
      },
    });
    const definition = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'done' },
          ResultSelector: { 'a.$': '$.Payload' },
          Next: 'B',
        },
        B: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'slow', 'Payload.$': '$' },
          OutputPath: '$.Payload',
          End: true,
        },
      },
    };
    const arn = first.start(first.deploy(definition));
    await first.clock.advance(0);

    const second = restart(first, {
      done: () => {
        calls.push('done');
        return 1;
      },
      slow: (input) => {
        calls.push(`slow:${JSON.stringify(input)}`);
        return input;
      },
    });
    const record = await second.finish(arn);

    expect(calls).toStrictEqual(['done', 'hang:{"a":1}', 'slow:{"a":1}']);
    expect(outputOf(record)).toStrictEqual({ a: 1 });
    expect(second.types(arn).filter((type) => type === 'TaskScheduled')).toHaveLength(2);
    expect(second.types(arn).filter((type) => type === 'TaskSucceeded')).toHaveLength(2);
    assertUniqueIds(second, arn);
  });

  it('keeps a task token valid across the restart', async () => {
    const tokens: string[] = [];
    const request: TaskHandler = (input) => {
      tokens.push((input as { token: string }).token);
      return null;
    };
    const first = createEngineHarness({ handlers: { request } });
    const definition = {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'request', Payload: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    };
    const arn = first.start(first.deploy(definition));
    await first.clock.advance(0);

    const second = restart(first, { request });
    await second.clock.advance(0);
    const delivered = second.engine.sendTaskCallback(tokens[0], { kind: 'outcome', outcome: { status: 'succeeded', output: 'yes' } });
    const record = await second.finish(arn);

    expect(delivered.ok).toBe(true);
    expect(tokens).toHaveLength(1);
    expect(outputOf(record)).toBe('yes');
    assertUniqueIds(second, arn);
  });

  it('resumes a Map with some iterations done and a retry back-off pending', async () => {
    const seen: number[] = [];
    let failNext = true;
    const work: TaskHandler = (input) => {
      const n = input as number;
      seen.push(n);
      if (n === 2 && failNext) {
        failNext = false;
        throw new Error('flaky');
      }
      return n * 10;
    };
    const first = createEngineHarness({ handlers: { work } });
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Parameters: { FunctionName: 'work', 'Payload.$': '$' },
                OutputPath: '$.Payload',
                Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 100 }],
                End: true,
              },
            },
          },
          End: true,
        },
      },
    };
    const arn = first.start(first.deploy(definition), [1, 2, 3]);
    await first.clock.advance(50_000);

    const second = restart(first, { work });
    const record = await second.finish(arn);

    expect(outputOf(record)).toStrictEqual([10, 20, 30]);
    expect(seen).toStrictEqual([1, 2, 2, 3]);
    expect(record.stoppedAt! - record.startedAt).toBe(100_000);
    assertUniqueIds(second, arn);
  });

  it('replays nondeterministic states with the values they had', async () => {
    const first = createEngineHarness();
    const definition = {
      StartAt: 'Id',
      States: { Id: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID()' }, Next: 'W' }, W: { Type: 'Wait', Seconds: 10, End: true } },
    };
    const arn = first.start(first.deploy(definition));
    await first.clock.advance(1000);
    const before = JSON.parse(String(first.engine.history(arn)[2].details?.output)) as { id: string };

    const second = restart(first);
    const record = await second.finish(arn);

    expect(outputOf(record)).toStrictEqual(before);
  });

  it('reports each event appended to a history once, and none of those replayed after a restart', async () => {
    const heard: string[] = [];
    const first = createEngineHarness({ onHistoryChange: (arn) => heard.push(arn) });
    const arn = first.start(
      first.deploy({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, Next: 'P' }, P: { Type: 'Pass', End: true } } }),
    );
    await first.clock.advance(1000);
    const beforeRestart = heard.length;

    const second = createEngineHarness({
      store: first.store,
      clock: createFakeClock({ start: first.clock.now() }),
      onHistoryChange: (changed) => heard.push(changed),
    });
    second.engine.recover();
    await second.finish(arn);

    expect(beforeRestart).toBe(2);
    expect(heard).toStrictEqual(second.engine.history(arn).map(() => arn));
  });

  it('does not resume executions that already closed', async () => {
    const store = new MemoryExecutionStore();
    const first = createEngineHarness({ store });
    const arn = first.start(first.deploy({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }));
    await first.finish(arn);

    const second = createEngineHarness({ store });

    expect(second.engine.recover()).toBe(0);
  });
});
