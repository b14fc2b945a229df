import { diagnose, error, LAMBDA, machine } from './diagnose';

const CODE = 'jsonata-syntax';

describe('checkQueryLanguage (jsonata-syntax for fields of the wrong query language)', () => {
  it.each(['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath'])('reports %s in a JSONata state', (field) => {
    const definition = machine({ Step: { Type: 'Task', Resource: LAMBDA, [field]: '$.x', End: true } }, { QueryLanguage: 'JSONata' });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Step'],
        `${field} is a JSONPath field and cannot be used in a JSONata state; use Arguments, Output and {% … %} expressions instead`,
      ),
    ]);
  });

  it.each(['Parameters', 'ResultSelector'])('reports %s in a state that opts into JSONata', (field) => {
    const definition = machine({
      Step: { Type: 'Task', QueryLanguage: 'JSONata', Resource: LAMBDA, [field]: { 'a.$': '$.a' }, End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Step'],
        `${field} is a JSONPath field and cannot be used in a JSONata state; use Arguments, Output and {% … %} expressions instead`,
      ),
    ]);
  });

  it('reports a JSONPath Choice rule in a JSONata state', () => {
    const definition = machine(
      {
        Decide: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
      { QueryLanguage: 'JSONata' },
    );

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Decide'],
        'Choices[0].Variable: a JSONata Choice rule needs a Condition ({% … %}); Variable, And, Or, Not and comparison operators are JSONPath only',
      ),
    ]);
  });

  it.each([
    ['Arguments', { Type: 'Task', Resource: LAMBDA, Arguments: { a: 1 }, End: true }],
    ['Output', { Type: 'Pass', Output: { a: 1 }, End: true }],
  ])('reports %s in a JSONPath state', (field, step) => {
    const definition = machine({ Step: step });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Step'],
        `${field} is a JSONata field and cannot be used in a JSONPath state; set QueryLanguage to "JSONata" on the state or the state machine`,
      ),
    ]);
  });

  it('reports a JSONPath state in a JSONata state machine', () => {
    const definition = machine({ Step: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } }, { QueryLanguage: 'JSONata' });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Step'],
        'QueryLanguage "JSONPath" is not allowed here: the state machine uses JSONata, and a JSONata state machine cannot contain JSONPath states',
      ),
    ]);
  });

  it('accepts a JSONata state in a JSONPath state machine', () => {
    const definition = machine({
      Shape: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { id: '{% $states.input.id %}' }, Next: 'Keep' },
      Keep: { Type: 'Pass', InputPath: '$.id', End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
