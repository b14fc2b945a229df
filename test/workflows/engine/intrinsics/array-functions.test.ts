import type { JsonValue } from '../../../../workflows/asl';
import type { PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';
import { evaluateIntrinsic } from '../../../../workflows/engine/intrinsics';

const scope: PathScope = { context: {}, variables: {} };
const evaluate = (expression: string, data: JsonValue = {}) => evaluateIntrinsic(expression, data, scope);
const failure = (detail: string) => new StatesError('States.IntrinsicFailure', detail);

describe('array intrinsics', () => {
  it.each<[string, JsonValue, JsonValue]>([
    ['States.Array()', {}, []],
    ['States.Array($.a, $.b)', { a: 1, b: 'x' }, [1, 'x']],
    ["States.Array('a', 1, true, null, States.Array())", {}, ['a', 1, true, null, []]],
    ['States.Array($.o)', { o: { Arg1: 1, Arg2: [] } }, [{ Arg1: 1, Arg2: [] }]],
    [
      'States.ArrayPartition($.a, 2)',
      { a: [0, 1, 2, 3] },
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ['States.ArrayPartition($.a, 3)', { a: [0, 1, 2, 3] }, [[0, 1, 2], [3]]],
    ['States.ArrayPartition($.a, 5)', { a: [0, 1] }, [[0, 1]]],
    ['States.ArrayPartition($.a, 1)', { a: [] }, []],
    ['States.ArrayContains($.a, $.v)', { a: [[1, 2, 3], 2], v: [1, 2, 3] }, true],
    ['States.ArrayContains($.a, $.v)', { a: [{ 1: 2, 2: [] }], v: { 2: [], 1: 2 } }, true],
    ['States.ArrayContains($.a, $.v)', { a: [[1, 2, 3], 2], v: null }, false],
    ['States.ArrayContains($.a, false)', { a: [true, false] }, true],
    ['States.ArrayContains($.a, 1)', { a: [] }, false],
    ['States.ArrayRange(0, 9, 3)', {}, [0, 3, 6, 9]],
    ['States.ArrayRange(0, 10, 3)', {}, [0, 3, 6, 9]],
    ['States.ArrayRange(1, 9, 9)', {}, [1]],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayRange(5, 1, -2)', {}, [5, 3, 1]],
    ['States.ArrayRange(5, 1, 2)', {}, []],
    ['States.ArrayRange(1, 1000, 1)', {}, Array.from({ length: 1000 }, (_, index) => index + 1)],
    ['States.ArrayGetItem($.a, 5)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 6],
    ['States.ArrayGetItem($.a, 0)', { a: [{ x: 1 }] }, { x: 1 }],
    ['States.ArrayLength($.a)', { a: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 9],
    ['States.ArrayLength($.a)', { a: [] }, 0],
    ['States.ArrayUnique($.a)', { a: [1, 2, 2, 3, 3, 4] }, [1, 2, 3, 4]],
    [
      'States.ArrayUnique($.a)',
      { a: [null, null, true, 1, 1, 1.1, 'x', 'x', [], [], { a: 1, b: 2 }, { b: 2, a: 1 }, { a: 1, b: 1 }] },
      [null, true, 1, 1.1, 'x', [], { a: 1, b: 2 }, { a: 1, b: 1 }],
    ],
  ])('evaluates %s on %j', (expression, data, expected) => {
    const result = evaluate(expression, data);

    expect(result).toStrictEqual(expected);
  });

  it.each<[string, JsonValue, string]>([
    ['States.ArrayPartition($.a)', { a: [] }, 'Invalid arguments in States.ArrayPartition: expected 2 arguments, got 1'],
    [
      'States.ArrayPartition($.a, 0)',
      { a: [1] },
      'Invalid arguments in States.ArrayPartition: the chunk size must be greater than 0, got 0',
    ],
    ["States.ArrayPartition('x', 1)", {}, 'Invalid arguments in States.ArrayPartition: argument 1 must be an array, got string'],
    ["States.ArrayPartition($.a, 'x')", { a: [] }, 'Invalid arguments in States.ArrayPartition: argument 2 must be an integer, got string'],
    ['States.ArrayContains($.a)', { a: [] }, 'Invalid arguments in States.ArrayContains: expected 2 arguments, got 1'],
    ['States.ArrayContains($.a, 1)', { a: { b: 1 } }, 'Invalid arguments in States.ArrayContains: argument 1 must be an array, got object'],
    ['States.ArrayRange(1, 2)', {}, 'Invalid arguments in States.ArrayRange: expected 3 arguments, got 2'],
    ['States.ArrayRange(1, 5, 0)', {}, 'Invalid arguments in States.ArrayRange: the step must not be 0'],
    [
      'States.ArrayRange(0, 1000, 1)',
      {},
      'Invalid arguments in States.ArrayRange: the range would have 1001 items, more than the maximum of 1000',
    ],
    ["States.ArrayRange('1', 5, 1)", {}, 'Invalid arguments in States.ArrayRange: argument 1 must be an integer, got string'],
    [
      'States.ArrayGetItem($.a, 3)',
      { a: [1, 2, 3] },
      'Invalid arguments in States.ArrayGetItem: index 3 is out of bounds for an array of length 3',
    ],
    [
      'States.ArrayGetItem($.a, -1)',
      { a: [1, 2, 3] },
      'Invalid arguments in States.ArrayGetItem: index -1 is out of bounds for an array of length 3',
    ],
    ['States.ArrayGetItem($.a, null)', { a: [1] }, 'Invalid arguments in States.ArrayGetItem: argument 2 must be an integer, got null'],
    ['States.ArrayLength($.a, $.a)', { a: [] }, 'Invalid arguments in States.ArrayLength: expected 1 argument, got 2'],
    ['States.ArrayLength($.a)', { a: 'abc' }, 'Invalid arguments in States.ArrayLength: argument 1 must be an array, got string'],
    ['States.ArrayUnique($.a)', { a: null }, 'Invalid arguments in States.ArrayUnique: argument 1 must be an array, got null'],
  ])('fails %s on %j with States.IntrinsicFailure', (expression, data, cause) => {
    const run = () => evaluate(expression, data);

    expect(run).toThrow(failure(cause));
  });

  it('rounds fractional integer arguments half up, as AWS does', () => {
    const result = evaluate('States.ArrayGetItem($.a, 1.5)', { a: [0, 1, 2] });

    expect(result).toBe(2);
  });
});
