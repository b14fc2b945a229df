import type { JsonValue } from '../../../../workflows/asl';
import { selectPath, type PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';

const context: JsonValue = { Execution: { Input: { 'input-value': 0 } }, State: { Name: 'TestState' } };
const scope: PathScope = { context, variables: { theAnswer: 42, list: [{ v: 'a' }, { v: 'b' }] } };
const data: JsonValue = { a: { b: [10, 20, 30], n: null }, items: [{ id: 1 }, { id: 2 }], 'input-value': 0 };

describe('selectPath', () => {
  it.each<[string | null | undefined, JsonValue]>([
    [undefined, data],
    ['$', data],
    [null, {}],
    ['$.a.b[1]', 20],
    ['$.a.b[-1]', 30],
    ['$.a.n', null],
    ['$.input-value', 0],
    ["$['a']['b'][0]", 10],
    ['$.items[*].id', [1, 2]],
    ['$..id', [1, 2]],
    ['$.items[?(@.id > 1)]', [{ id: 2 }]],
    ['$.items[:1]', [{ id: 1 }]],
    ['$.missing[*]', []],
    ['$.missing[1:5].x', []],
    ['$$', context],
    ['$$.Execution.Input', { 'input-value': 0 }],
    ['$theAnswer', 42],
    ['$list[1].v', 'b'],
    ['$list[*].v', ['a', 'b']],
  ])('selects %s', (path, expected) => {
    const selected = selectPath(path, data, scope, 'InputPath');

    expect(selected).toStrictEqual(expected);
  });

  // The first two causes are AWS's, recorded in scenarios/test_invalid_jsonpath_*.
  it.each<[string, JsonValue, string]>([
    ['$.NoSuchInputPath', { 'int-literal': 0 }, "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']"],
    ['$.NoSuchOutputPath', { 'int-literal': 0 }, "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"],
    ['$.a.x.y', data, "Invalid path '$.a.x.y' : Missing property in path $['a']['x']"],
    ['$.a.b[3]', data, "Invalid path '$.a.b[3]' : No results for path: $['a']['b'][3]"],
    ['$.a.b.c', data, "Invalid path '$.a.b.c' : No results for path: $['a']['b']['c']"],
    ['$$.Execution.Nope', data, "Invalid path '$$.Execution.Nope' : No results for path: $['Execution']['Nope']"],
    ['$ghost', data, "Invalid path '$ghost' : The variable '$ghost' is not defined."],
    ['$.a', null, 'Unable to apply Path transformation to null or empty input.'],
    ['not a path', data, "The value for the field 'InputPath' must be a valid JSONPath"],
  ])('fails %s with States.Runtime', (path, input, cause) => {
    const select = () => selectPath(path, input, scope, 'InputPath');

    expect(select).toThrow(new StatesError('States.Runtime', cause));
  });

  // Jayway's RegexpEvaluator matches a number by its text; the whole text must match.
  it('selects with a regular expression filter, as Jayway evaluates it', () => {
    const selected = selectPath('$.items[?(@.id =~ /1/)]', data, scope, 'InputPath');

    expect(selected).toStrictEqual([{ id: 1 }]);
  });

  it('keeps a null input for the path $', () => {
    const selected = selectPath('$', null, scope, 'OutputPath');

    expect(selected).toBeNull();
  });
});
