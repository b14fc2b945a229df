import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: { Execution: { Input: { field: { b: 3 } } } }, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);

describe('JSON intrinsics', () => {
  it.each<[string, JsonValue, JsonValue]>([
    ['States.StringToJson($.s)', { s: 'null' }, null],
    ['States.StringToJson($.s)', { s: '' }, null],
    ['States.StringToJson($.s)', { s: ' ' }, null],
    ['States.StringToJson($.s)', { s: '-0' }, 0],
    ['States.StringToJson($.s)', { s: '1.1' }, 1.1],
    ['States.StringToJson($.s)', { s: 'true' }, true],
    ['States.StringToJson($.s)', { s: '"HelloWorld"' }, 'HelloWorld'],
    ['States.StringToJson($.s)', { s: '[1, 2, "HelloWorld"]' }, [1, 2, 'HelloWorld']],
    ['States.StringToJson($.s)', { s: '{"Arg1": 1, "Arg2": []}' }, { Arg1: 1, Arg2: [] }],
    ['States.JsonToString($.v)', { v: null }, 'null'],
    ['States.JsonToString($.v)', { v: 1.1 }, '1.1'],
    ['States.JsonToString($.v)', { v: 'HelloWorld' }, '"HelloWorld"'],
    ['States.JsonToString($.v)', { v: [1, 2, 'HelloWorld'] }, '[1,2,"HelloWorld"]'],
    ['States.JsonToString($.v)', { v: { Arg1: 1, Arg2: [] } }, '{"Arg1":1,"Arg2":[]}'],
    [
      'States.JsonMerge($.a, $.b, false)',
      { a: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, b: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3, d: 4 },
    ],
    ['States.JsonMerge(States.StringToJson(\'{"a": "false"}\'), $$.Execution.Input.field, false)', {}, { a: 'false', b: 3 }],
  ])('evaluates %s on %j', (expression, data, expected) => {
    const result = evaluate(expression, data);

    expect(result).toStrictEqual(expected);
  });

  it.each<[string, JsonValue, string]>([
    ['States.StringToJson($.s)', { s: '{"a":' }, 'Invalid arguments in States.StringToJson: the argument is not valid JSON text'],
    ['States.StringToJson($.s)', { s: { a: 1 } }, 'Invalid arguments in States.StringToJson: argument 1 must be a string, got object'],
    ['States.StringToJson()', {}, 'Invalid arguments in States.StringToJson: expected 1 argument, got 0'],
    ['States.JsonToString($.a, $.a)', { a: 1 }, 'Invalid arguments in States.JsonToString: expected 1 argument, got 2'],
    ['States.JsonMerge($.a, $.b)', { a: {}, b: {} }, 'Invalid arguments in States.JsonMerge: expected 3 arguments, got 2'],
    [
      'States.JsonMerge($.a, $.b, true)',
      { a: {}, b: {} },
      'Invalid arguments in States.JsonMerge: deep merging is not supported, the third argument must be false',
    ],
    [
      'States.JsonMerge($.a, $.b, false)',
      { a: [], b: {} },
      'Invalid arguments in States.JsonMerge: argument 1 must be an object, got array',
    ],
    [
      'States.JsonMerge($.a, $.b, false)',
      { a: {}, b: 'x' },
      'Invalid arguments in States.JsonMerge: argument 2 must be an object, got string',
    ],
    [
      "States.JsonMerge($.a, $.b, 'false')",
      { a: {}, b: {} },
      'Invalid arguments in States.JsonMerge: argument 3 must be a boolean, got string',
    ],
  ])('fails %s on %j with States.IntrinsicFailure', (expression, data, cause) => {
    const run = () => evaluate(expression, data);

    expect(run).toThrow(new StatesError('States.IntrinsicFailure', cause));
  });
});
