import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = {
  context: { Execution: { Input: { csv: 'a,b' }, Name: 'exec-1' }, Map: { Item: { Index: 2 } } },
  variables: { inputArray: [1, 2, 3], json1: { a: 1 }, answer: 42 },
};
const data: JsonValue = {
  items: [
    { id: 1, tag: 'x' },
    { id: 2, tag: 'y' },
    { id: 3, tag: 'x' },
  ],
  name: 'Bob',
};

describe('evaluateIntrinsic', () => {
  it.each<[string, JsonValue]>([
    ['States.Array($)', [data]],
    ['States.ArrayLength($.items)', 3],
    ['States.Array($.items[0].id)', [1]],
    ['States.Array($.items[*].id)', [[1, 2, 3]]],
    ["States.Array($.items[?(@.tag == 'x')].id)", [[1, 3]]],
    ['States.Array($..id)', [[1, 2, 3]]],
    ['States.Array($.missing[*])', [[]]],
    ['States.StringSplit($$.Execution.Input.csv, $$.Execution.Name)', ['a,b']],
    ['States.ArrayGetItem($inputArray, $$.Map.Item.Index)', 3],
    ['States.MathAdd($answer, $inputArray[0])', 43],
    ['States.JsonMerge($json1, $json1, false)', { a: 1 }],
    ["States.Format('{} has {} items', $.name, States.ArrayLength($.items))", 'Bob has 3 items'],
  ])('evaluates %s', (expression, expected) => {
    const result = evaluateIntrinsic(expression, data, scope);

    expect(result).toStrictEqual(expected);
  });

  it('reports a missing path argument as States.Runtime, naming the field', () => {
    const run = () => evaluateIntrinsic("States.Format('{}', $.nope)", { a: 1 }, scope, 'greeting.$');

    expect(run).toThrow(
      new StatesError(
        'States.Runtime',
        "The JSONPath '$.nope' specified for the field 'greeting.$' could not be found in the input '{\"a\":1}'",
      ),
    );
  });

  it('reports an unassigned variable as States.Runtime', () => {
    const run = () => evaluateIntrinsic('States.Array($ghost)', {}, scope);

    expect(run).toThrow(new StatesError('States.Runtime', "Invalid path '$ghost' : The variable '$ghost' is not defined."));
  });

  it('rejects an unknown function before evaluating its arguments', () => {
    const run = () => evaluateIntrinsic('States.Reverse($.nope)', {}, scope);

    expect(run).toThrow(
      new StatesError(
        'States.IntrinsicFailure',
        "Invalid intrinsic function call 'States.Reverse($.nope)': unknown function States.Reverse",
      ),
    );
  });

  it('does not modify its input', () => {
    const input: JsonValue = { a: { b: [1] }, c: { d: 2 } };
    const copy = structuredClone(input);

    evaluateIntrinsic('States.JsonMerge($.a, $.c, false)', input, scope);

    expect(input).toStrictEqual(copy);
  });
});
