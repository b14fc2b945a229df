import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

describe('Pass state', () => {
  it('applies InputPath, Parameters, ResultPath and OutputPath in order', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Pass',
          InputPath: '$.in',
          Parameters: { 'value.$': '$.x', constant: 1 },
          ResultPath: '$.in.result',
          OutputPath: '$.in',
          End: true,
        },
      },
    };

    const { record } = await harness.run(definition, { in: { x: 'a' }, other: true });

    expect(record.status).toBe('SUCCEEDED');
    expect(outputOf(record)).toStrictEqual({ x: 'a', result: { value: 'a', constant: 1 } });
  });

  it('uses Result instead of its input', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: { a: 1 }, End: true } } }, { ignored: true });

    expect(outputOf(record)).toStrictEqual({ a: 1 });
  });

  it('evaluates JSONata Output against $states.input and variables', async () => {
    const harness = createEngineHarness();
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { factor: 3 }, Next: 'B' },
        B: { Type: 'Pass', Output: { total: '{% $sum($states.input.values) * $factor %}' }, End: true },
      },
    };

    const { record, events } = await harness.run(definition, { values: [1, 2] });

    expect(outputOf(record)).toStrictEqual({ total: 9 });
    expect(events[2].details).toMatchObject({ assignedVariables: { factor: '3' }, assignedVariablesDetails: { truncated: false } });
  });

  it('records Entered and Exited events with JSON text', async () => {
    const harness = createEngineHarness();

    const { events } = await harness.run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { a: 1 });

    expect(events.map((event) => [event.id, event.previousEventId, event.type])).toStrictEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'PassStateEntered'],
      [3, 2, 'PassStateExited'],
      [4, 3, 'ExecutionSucceeded'],
    ]);
    expect(events[1].details).toStrictEqual({ name: 'P', input: '{"a":1}', inputDetails: { truncated: false } });
  });

  it('fails with States.DataLimitExceeded when its output is larger than 256 KiB', async () => {
    const harness = createEngineHarness();
    const big = 'x'.repeat(300 * 1024);

    const { record } = await harness.run({ StartAt: 'P', States: { P: { Type: 'Pass', Result: big, End: true } } });

    expect(record.status).toBe('FAILED');
    expect(record.error).toBe('States.DataLimitExceeded');
    expect(record.cause).toBe("The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit.");
  });
});
