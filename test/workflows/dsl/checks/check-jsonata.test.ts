import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'jsonata-syntax';
const END = 'Unexpected end of expression';

function jsonata(states: Record<string, unknown>): Record<string, unknown> {
  return machine(states, { QueryLanguage: 'JSONata' });
}

describe('checkJsonata (jsonata-syntax)', () => {
  it.each([
    [
      'Arguments',
      { Type: 'Task', Resource: LAMBDA, Arguments: { title: '{% $states.input.title + %}' }, End: true },
      `Arguments.title: invalid JSONata expression {% $states.input.title + %}: ${END} at position 23 [S0207]`,
    ],
    [
      'Output',
      { Type: 'Pass', Output: '{% $states.input[0 %}', End: true },
      'Output: invalid JSONata expression {% $states.input[0 %}: Expected "]" before end of expression at position 17 [S0203]',
    ],
    [
      'Assign',
      { Type: 'Pass', Assign: { total: '{% $sum( %}' }, End: true },
      'Assign.total: invalid JSONata expression {% $sum( %}: Expected ")" before end of expression at position 7 [S0203]',
    ],
    [
      'Seconds',
      { Type: 'Wait', Seconds: '{% $states.input.delay * %}', End: true },
      `Seconds: invalid JSONata expression {% $states.input.delay * %}: ${END} at position 23 [S0207]`,
    ],
    [
      'TimeoutSeconds',
      { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: '{% 1 + %}', End: true },
      `TimeoutSeconds: invalid JSONata expression {% 1 + %}: ${END} at position 5 [S0207]`,
    ],
    ['Error', { Type: 'Fail', Error: '{% "E" & %}' }, `Error: invalid JSONata expression {% "E" & %}: ${END} at position 7 [S0207]`],
  ])('reports an expression in %s that does not parse', (_, step, message) => {
    const definition = jsonata({ Step: step });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Step'], message)]);
  });

  it('reports a Choice Condition that does not parse', () => {
    const definition = jsonata({
      Decide: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > %}', Next: 'Done' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Decide'], `Choices[0].Condition: invalid JSONata expression {% $states.input.n > %}: ${END} at position 19 [S0207]`),
    ]);
  });

  it('checks a state that opts into JSONata inside a JSONPath machine, nested in a Map', () => {
    const definition = machine({
      Each: {
        Type: 'Map',
        ItemProcessor: scope({ Shape: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { x: '{% ( %}' }, End: true } }),
        End: true,
      },
    });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Each', 'Shape'],
        'Output.x: invalid JSONata expression {% ( %}: Expected ")" before end of expression at position 3 [S0203]',
      ),
    ]);
  });

  it('accepts multi-line expressions, which asl-validator wrongly rejects', () => {
    const definition = jsonata({ Step: { Type: 'Pass', Output: { total: '{% $sum(\n  $states.input.items.price\n) %}' }, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });

  it('leaves {% %} strings in JSONPath states alone, as AWS treats them as plain strings', () => {
    const definition = machine({ Step: { Type: 'Pass', Result: { note: '{% not parsed %' }, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
