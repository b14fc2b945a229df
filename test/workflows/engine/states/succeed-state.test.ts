import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

describe('Succeed state', () => {
  it('ends the execution with its filtered input', async () => {
    const harness = createEngineHarness();

    const { record, events } = await harness.run(
      { StartAt: 'S', States: { S: { Type: 'Succeed', InputPath: '$.a', OutputPath: '$.b' } } },
      { a: { b: 1 } },
    );

    expect(outputOf(record)).toBe(1);
    expect(events.map((event) => event.type)).toStrictEqual([
      'ExecutionStarted',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
  });
});
