import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

describe('Parallel state', () => {
  it('gives every branch the same input and outputs their results in order', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 10, Next: 'One' }, One: { Type: 'Pass', Result: 1, End: true } } },
            { StartAt: 'Two', States: { Two: { Type: 'Pass', InputPath: '$.x', End: true } } },
          ],
          ResultPath: '$.results',
          End: true,
        },
      },
    };

    const { record, events } = await harness.run(definition, { x: 2 });

    expect(outputOf(record)).toStrictEqual({ x: 2, results: [1, 2] });
    expect(events.map((event) => event.type).filter((type) => type.startsWith('Parallel'))).toStrictEqual([
      'ParallelStateEntered',
      'ParallelStateStarted',
      'ParallelStateSucceeded',
      'ParallelStateExited',
    ]);
    expect(record.stoppedAt! - record.startedAt).toBe(10_000);
  });

  it('fails with the failing branch error and stops the other branches', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 3600, Next: 'After' }, After: { Type: 'Pass', End: true } } },
            { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Broken', Cause: 'branch 2' } } },
          ],
          End: true,
        },
      },
    };

    const { record, events } = await harness.run(definition);

    expect([record.error, record.cause]).toStrictEqual(['Broken', 'branch 2']);
    expect(record.stoppedAt).toBe(record.startedAt);
    expect(events.map((event) => event.type)).not.toContain('PassStateEntered');
    expect(events.at(-2)?.type).toBe('ParallelStateFailed');
  });

  it('lets branches read outer variables but keeps their assignments to themselves', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B', States: { B: { Type: 'Pass', Assign: { inner: 'i' }, Parameters: { 'seen.$': '$outer' }, End: true } } },
          ],
          Next: 'Check',
        },
        Check: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'branch.$': '$[0].seen' }, End: true },
      },
    };

    const { record } = await harness.run(definition);

    expect(outputOf(record)).toStrictEqual({ outer: 'o', branch: 'o' });
  });
});
