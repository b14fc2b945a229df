import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

const processor = (states: Record<string, unknown>, startAt: string, mode = 'INLINE') => ({
  ProcessorConfig: { Mode: mode, ExecutionType: 'STANDARD' },
  StartAt: startAt,
  States: states,
});
const identity = processor({ Item: { Type: 'Pass', End: true } }, 'Item');

describe('Map state (inline)', () => {
  it('applies ItemsPath and ItemSelector with $$.Map.Item', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index', 'tag.$': '$.tag' },
          ItemProcessor: identity,
          End: true,
        },
      },
    };

    const { record } = await harness.run(definition, { items: ['a', 'b'], tag: 't' });

    expect(outputOf(record)).toStrictEqual([
      { value: 'a', index: 0, tag: 't' },
      { value: 'b', index: 1, tag: 't' },
    ]);
  });

  it('honours MaxConcurrency: iterations of 10 s each take 20 s with two at a time', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: {
        M: { Type: 'Map', MaxConcurrency: 2, ItemProcessor: processor({ W: { Type: 'Wait', Seconds: 10, End: true } }, 'W'), End: true },
      },
    };

    const { record } = await harness.run(definition, [1, 2, 3, 4]);

    expect(record.stoppedAt! - record.startedAt).toBe(20_000);
    expect(outputOf(record)).toStrictEqual([1, 2, 3, 4]);
  });

  it('fails on the first failed iteration with its error', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: processor({ F: { Type: 'Fail', Error: 'Bad', Cause: 'item' } }, 'F'),
          End: true,
        },
      },
    };

    const { record, events } = await harness.run(definition, [1, 2]);

    expect([record.error, record.cause]).toStrictEqual(['Bad', 'item']);
    expect(events.map((event) => event.type).filter((type) => type.startsWith('Map'))).toStrictEqual([
      'MapStateEntered',
      'MapStateStarted',
      'MapIterationStarted',
      'MapIterationFailed',
      'MapStateFailed',
    ]);
  });

  it('evaluates JSONata Items and ItemSelector', async () => {
    const harness = createEngineHarness();
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: '{% $states.input.n %}',
          ItemSelector: { twice: '{% $states.context.Map.Item.Value * 2 %}' },
          ItemProcessor: identity,
          End: true,
        },
      },
    };

    const { record } = await harness.run(definition, { n: [1, 2] });

    expect(outputOf(record)).toStrictEqual([{ twice: 2 }, { twice: 4 }]);
  });
});

describe('Map state (distributed)', () => {
  it('records MapRun events and keeps iteration events out of the history', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: processor({ Item: { Type: 'Pass', End: true } }, 'Item', 'DISTRIBUTED'), End: true } },
    };

    const { record, events } = await harness.run(definition, [1, 2, 3]);

    expect(outputOf(record)).toStrictEqual([1, 2, 3]);
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      'MapRunStarted',
      'MapRunSucceeded',
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ]);
    expect(String(events[3].details?.mapRunArn)).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:/);
  });

  it('batches items with ItemBatcher', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { job: 'j' } },
          ItemProcessor: processor({ Item: { Type: 'Pass', End: true } }, 'Item', 'DISTRIBUTED'),
          End: true,
        },
      },
    };

    const { record } = await harness.run(definition, [1, 2, 3]);

    expect(outputOf(record)).toStrictEqual([
      { Items: [1, 2], BatchInput: { job: 'j' } },
      { Items: [3], BatchInput: { job: 'j' } },
    ]);
  });

  it.each([
    [{ ToleratedFailureCount: 1 }, 'SUCCEEDED'],
    [{ ToleratedFailurePercentage: 50 }, 'SUCCEEDED'],
    [{ ToleratedFailurePercentage: 10 }, 'FAILED'],
    [{}, 'FAILED'],
  ])('tolerates failures per %j → %s', async (tolerance, status) => {
    const harness = createEngineHarness();
    const states = {
      C: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'F' }], Default: 'Ok' },
      F: { Type: 'Fail', Error: 'E' },
      Ok: { Type: 'Pass', End: true },
    };
    const definition = {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: processor(states, 'C', 'DISTRIBUTED'), End: true, ...tolerance } },
    };

    const { record, events } = await harness.run(definition, [1, 2, 3]);

    expect(record.status).toBe(status);
    if (status === 'FAILED') {
      expect(record.error).toBe('States.ExceedToleratedFailureThreshold');
      expect(events.map((event) => event.type)).toContain('MapRunFailed');
    }
  });
});
