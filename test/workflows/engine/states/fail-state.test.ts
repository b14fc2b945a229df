import { createEngineHarness } from '../../../helpers/engine-harness';

describe('Fail state', () => {
  it.each([
    [{ Error: 'E', Cause: 'C' }, {}, 'E', 'C'],
    [{ ErrorPath: '$.e', CausePath: '$.c' }, { e: 'from input', c: 'why' }, 'from input', 'why'],
    [{ ErrorPath: '$$.State.Name' }, {}, 'F', undefined],
    [{}, {}, undefined, undefined],
  ])('fails the execution with %j', async (fields, input, error, cause) => {
    const harness = createEngineHarness();

    const { record, events } = await harness.run({ StartAt: 'F', States: { F: { Type: 'Fail', ...fields } } }, input);

    expect([record.status, record.error, record.cause]).toStrictEqual(['FAILED', error, cause]);
    expect(events.map((event) => event.type)).toStrictEqual(['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
  });

  it('evaluates JSONata Error and Cause', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run(
      { QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', Error: '{% $states.input.kind %}', Cause: 'literal' } } },
      { kind: 'K' },
    );

    expect([record.error, record.cause]).toStrictEqual(['K', 'literal']);
  });
});
