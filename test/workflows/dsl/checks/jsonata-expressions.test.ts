import { jsonataExpressions } from '../../../../workflows/dsl/checks/jsonata-expressions';

describe('jsonataExpressions', () => {
  it('finds {% %} strings at any depth, naming the field of each', () => {
    const state = {
      Type: 'Task',
      Arguments: { list: ['{% $a %}', 'plain'], nested: { deep: '{% $b %}' } },
      Choices: [{ Condition: '{% $c %}' }],
      TimeoutSeconds: '{% $d %}',
    };

    const expressions = jsonataExpressions(state);

    expect(expressions).toStrictEqual([
      { field: 'Arguments.list[0]', expression: ' $a ' },
      { field: 'Arguments.nested.deep', expression: ' $b ' },
      { field: 'Choices[0].Condition', expression: ' $c ' },
      { field: 'TimeoutSeconds', expression: ' $d ' },
    ]);
  });

  it('skips Comment and nested scopes, and strings that are not wrapped in {% %}', () => {
    const state = {
      Comment: '{% $a %}',
      Branches: [{ States: { X: { Output: '{% $b %}' } } }],
      ItemProcessor: { States: { Y: { Output: '{% $c %}' } } },
      Output: ' {% $d %}',
    };

    const expressions = jsonataExpressions(state);

    expect(expressions).toStrictEqual([]);
  });
});
