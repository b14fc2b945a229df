import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

const wait = (fields: Record<string, unknown>, language = 'JSONPath') => ({
  QueryLanguage: language,
  StartAt: 'W',
  States: { W: { Type: 'Wait', End: true, ...fields } },
});

describe('Wait state', () => {
  it('waits 7 days in milliseconds of test time', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(wait({ Seconds: 7 * 24 * 3600 }), { a: 1 });

    expect(record.stoppedAt! - record.startedAt).toBe(7 * 24 * 3600 * 1000);
    expect(outputOf(record)).toStrictEqual({ a: 1 });
  });

  it('waits until a Timestamp read with TimestampPath', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(wait({ TimestampPath: '$.until' }), { until: '2024-01-02T00:00:00Z' });

    expect(new Date(record.stoppedAt!).toISOString()).toBe('2024-01-02T00:00:00.000Z');
  });

  it('does not wait for a Timestamp in the past', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(wait({ Timestamp: '2016-03-14T01:59:00Z' }));

    expect(record.stoppedAt).toBe(record.startedAt);
  });

  it('evaluates JSONata Seconds', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(wait({ Seconds: '{% $states.input.s * 2 %}' }, 'JSONata'), { s: 30 });

    expect(record.stoppedAt! - record.startedAt).toBe(60_000);
  });

  it.each([
    [{ SecondsPath: '$.s' }, { s: -1 }, 'The SecondsPath parameter references a negative value: $.s == -1'],
    [{ SecondsPath: '$.s' }, { s: 1.5 }, 'The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5'],
    [
      { TimestampPath: '$.t' },
      { t: '2016-12-05T21:29:29' },
      'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2016-12-05T21:29:29',
    ],
  ])('fails %j on %j with AWS cause', async (fields, input, cause) => {
    const harness = createEngineHarness();

    const { record } = await harness.run(wait(fields), input);

    expect(record.error).toBe('States.Runtime');
    expect(record.cause).toBe(`An error occurred while executing the state 'W' (entered at the event id #2). ${cause}`);
  });
});
