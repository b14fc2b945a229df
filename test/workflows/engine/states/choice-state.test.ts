import { createEngineHarness, outputOf } from '../../../helpers/engine-harness';

describe('Choice state', () => {
  it('follows the first matching rule, else Default', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' }], Default: 'Small' },
        Big: { Type: 'Pass', Result: 'big', End: true },
        Small: { Type: 'Pass', Result: 'small', End: true },
      },
    };

    const big = await harness.run(definition, { n: 11 });
    const small = await harness.run(definition, { n: 1 });

    expect([outputOf(big.record), outputOf(small.record)]).toStrictEqual(['big', 'small']);
  });

  it('fails with States.NoChoiceMatched without a Default', async () => {
    const harness = createEngineHarness();

    const { record } = await harness.run({
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Variable: '$.n', IsPresent: true, Next: 'C' }] } },
    });

    expect(record.error).toBe('States.NoChoiceMatched');
  });

  it('evaluates JSONata Conditions and uses the matched rule Output and Assign', async () => {
    const harness = createEngineHarness();
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { rule: 'matched' }, Assign: { via: 'rule' }, Next: 'Done' }],
          Default: 'Done',
          Output: { rule: 'default' },
        },
        Done: { Type: 'Pass', Output: { rule: '{% $states.input.rule %}', via: '{% $via %}' }, End: true },
      },
    };

    const { record } = await harness.run(definition, { n: 2 });

    expect(outputOf(record)).toStrictEqual({ rule: 'matched', via: 'rule' });
  });

  it('loops 1,000 times with an intrinsic counter', async () => {
    const harness = createEngineHarness();
    const definition = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Result: { i: 0 }, Next: 'Check' },
        Check: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 1000, Next: 'Inc' }], Default: 'Done' },
        Inc: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };

    const { record } = await harness.run(definition);

    expect(outputOf(record)).toStrictEqual({ i: 1000 });
  });
});
