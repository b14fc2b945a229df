/**
 * The JSONPath forms AWS Step Functions accepts because it compiles paths with Jayway JsonPath
 * (json-path/JsonPath), and what Jayway refuses. Sources, cited per table:
 * - [docs] https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html
 *   (the example `$.abc.['def ghi']`; "The @ operator … does not match scalar values")
 * - [compiler] PathCompiler.java: readDotToken moves past a `.` and reads whatever token follows,
 *   so `$.[0]` is `$[0]`; its InvalidPathException messages are quoted below.
 * - [filter] FilterCompiler.java / EvaluatorFactory.java / ValueNodes.java: filter grammar, operators
 *   and equality; a `$` path in a filter reads the root document.
 * - [tokens] PathToken.java, ArrayPathToken.java, ScanPathToken.java, EvaluationContextImpl.java:
 *   evaluation with the default options, whose messages AWS quotes ("No results for path: $['x']",
 *   recorded in ../shared/conformance scenarios/test_invalid_jsonpath_*).
 * - [recorded] ../shared/conformance base/test_json_path_array_wildcard_or_slice_with_no_input:
 *   an indefinite path that cannot apply yields [].
 * - [asl-validator#47] https://github.com/ChristopheBougere/asl-validator/issues/47: AWS accepts OutputPath `$.[0]`.
 * - [re:Post] https://repost.aws/questions/QUYiQKP0XfThWEc_ahsMnLOA: `$.Jobs.sum()` is accepted at creation,
 *   then "could not be found" at run time.
 */
import type { JsonValue } from '../../../../workflows/asl';
import { resolvePayloadTemplate, selectPath, type PathScope } from '../../../../workflows/engine/data-flow';
import { explainJsonPath } from '../../../../workflows/engine/data-flow/parse-json-path';
import { StatesError } from '../../../../workflows/engine/errors';

const scope: PathScope = {
  context: {
    Execution: { Input: [{ body: '{"n":1}' }] },
    Map: { Item: { Value: { ids: [7, 8], pick: 8, rows: [{ id: 7 }, { id: 8 }] } } },
  },
  variables: { rows: [{ bucket: 'b', key: 'k' }] },
};
const snapshots = {
  Snapshots: [
    { State: 'available', Id: 's1' },
    { State: 'creating', Id: 's2' },
  ],
};
const objects = [
  { bucket: 'b1', key: 'k1', size: 3, OU: 1, body: '{"a":1}' },
  { bucket: 'b2', key: 'k2', size: 5, OU: 0, body: '{"a":2}' },
];
const items = {
  want: 2,
  limit: { max: 2 },
  names: ['b', 'c'],
  items: [
    { id: 1, v: 'a', tags: ['x'], name: 'alpha' },
    { id: 2, v: 'b', tags: ['x', 'y'], name: 'beta' },
    { id: '3', v: 'c', tags: [], name: '' },
  ],
};

function select(path: string, input: JsonValue): JsonValue {
  return selectPath(path, input, scope, 'InputPath');
}

describe('Jayway paths', () => {
  // [compiler] a dot before a bracket; [docs] `$.abc.['def ghi']`; [asl-validator#47] `$.[0]`.
  it.each<[string, JsonValue, JsonValue]>([
    ['$.[0]', objects, objects[0]],
    ['$.Snapshots.[0].State', snapshots, 'available'],
    ["$.['Snapshots'].[1].Id", snapshots, 's2'],
    ["$.abc.['def ghi']", { abc: { 'def ghi': 1 } }, 1],
    ['$.[-1].bucket', objects, 'b2'],
    ['$$.Execution.Input.[0].body', {}, '{"n":1}'],
    ['$rows.[0].key', {}, 'k'],
  ])('reads the one node %s selects', (path, input, expected) => {
    const selected = select(path, input);

    expect(selected).toStrictEqual(expected);
  });

  // [tokens] Jayway returns a list for [*], slices, unions, filters and `..`, even for one match.
  it.each<[string, JsonValue, JsonValue]>([
    ['$.[*]', [1, 2], [1, 2]],
    [
      "$.[*].['bucket', 'key']",
      objects,
      [
        { bucket: 'b1', key: 'k1' },
        { bucket: 'b2', key: 'k2' },
      ],
    ],
    ['$.[?(@.OU > 0)]', objects, [objects[0]]],
    ['$.[?(@.OU > 0)].bucket', objects, ['b1']],
    ['$.Snapshots.[0:1].Id', snapshots, ['s1']],
    ['$.Snapshots.[0,1].State', snapshots, ['available', 'creating']],
    ['$.Snapshots.*.Id', snapshots, ['s1', 's2']],
    ['$..[0]', { a: [1, 2], b: { c: [3] } }, [1, 3]],
    ["$..['Id']", snapshots, ['s1', 's2']],
    // ScanPathToken.walkArray applies the token after `[0]` to every element: a Jayway quirk AWS inherits.
    ['$..[0].Id', snapshots, ['s1', 's2']],
    ['$$.Map.Item.Value.ids.[*]', {}, [7, 8]],
  ])('lists the matches of %s', (path, input, expected) => {
    const selected = select(path, input);

    expect(selected).toStrictEqual(expected);
  });

  // [tokens] PropertyPathToken: `['a','b']` as the last token is definite and merges into one object.
  it('merges a last-token union into one object rather than a list', () => {
    const selected = select("$.[0].['bucket','key','missing']", objects);

    expect(selected).toStrictEqual({ bucket: 'b1', key: 'k1' });
  });

  // [recorded] an indefinite path that cannot apply yields [], where a definite one fails.
  it.each(['$.missing.[*]', '$.Snapshots.[0].[?(@.x)]', '$.Snapshots.[5:]', '$..[?(@.nope)]'])(
    'yields [] for %s when nothing matches',
    (path) => {
      const selected = select(path, snapshots);

      expect(selected).toStrictEqual([]);
    },
  );
});

describe('filters comparing with a path from the root', () => {
  // [filter] ValueNodes.PathNode reads `$…` from the root document and `@…` from the item; equality is
  // ValueNode.equals (a number equals a string with the same text: `'3' == 3`), ordering needs two numbers
  // or two strings, and a missing node equals nothing (so `!=` holds).
  it.each<[string, JsonValue]>([
    ['$.items[?(@.id == $.want)].v', ['b']],
    ["$.items[?(@.id == $['want'])].v", ['b']],
    ['$.items.[?($.want == @.id)].v', ['b']],
    ['$.items[?(@.id != $.want)].v', ['a', 'c']],
    ['$.items[?(@.id < $.limit.max)].v', ['a']],
    ['$.items[?(@.id <= $.limit.max)].v', ['a', 'b']],
    // A string and a number compare as text (`'3' > 2` is `"3" > "2"`).
    ['$.items[?(@.id > $.want)].v', ['c']],
    ['$.items[?(@.id >= $.want)].v', ['b', 'c']],
    ['$.items[?(@.id == 3)].v', ['c']],
    ['$.items[?(@.id === 3)].v', []],
    ['$.items[?(@.v in $.names)].id', [2, '3']],
    ['$.items[?(@.v nin $.names)].id', [1]],
    ["$.items[?(@.v in ['a', 'c'])].id", [1, '3']],
    ['$.items[?(@.tags anyof $.names)].id', []],
    ["$.items[?(@.tags subsetof ['x', 'y'])].id", [1, 2, '3']],
    ["$.items[?(@.tags noneof ['y'])].id", [1, '3']],
    ["$.items[?(@.tags contains 'y')].id", [2]],
    ['$.items[?(@.tags size 2)].id', [2]],
    ['$.items[?(@.name empty true)].id', ['3']],
    ['$.items[?(@.name =~ /AL.*/i)].id', [1]],
    ['$.items[?(@.id == $.want || @.v == "a")].id', [1, 2]],
    ['$.items[?(@.id > 0 && !(@.v == "a"))].id', [2, '3']],
    ['$.items[?(@.id == $.missing)].v', []],
    ['$.items[?(@.id != $.missing)].v', ['a', 'b', 'c']],
    ['$.items[?(@.name)].id', [1, 2, '3']],
    ['$.items[?(!@.tags[1])].id', [1, '3']],
    // PathNode's existence check evaluates even a `$` path against the item (ValueNodes.PathNode.evaluate).
    ['$.items[?($.name)].id', [1, 2, '3']],
  ])('evaluates %s', (path, expected) => {
    const selected = select(path, items);

    expect(selected).toStrictEqual(expected);
  });

  // [docs] "The @ operator, matching the current node being processed in a filter, does not match scalar values."
  it('does not let @ match scalar values', () => {
    const selected = select('$.nums[?(@ > 1)]', { nums: [1, 2, 3] });

    expect(selected).toStrictEqual([]);
  });

  it('reads `$` in a filter on a context path from the context object', () => {
    const selected = select('$$.Map.Item.Value.rows[?(@.id == $.Map.Item.Value.pick)]', { Map: 'not this' });

    expect(selected).toStrictEqual([{ id: 8 }]);
  });
});

describe('paths in payload templates and intrinsic arguments', () => {
  it('resolves Parameters and intrinsic arguments written with these forms', () => {
    const template = {
      'first.$': 'States.StringToJson($.[0].body)',
      'count.$': 'States.ArrayLength($.[?(@.OU == 0)])',
      'pairs.$': "$.[*].['bucket', 'key']",
    };

    const resolved = resolvePayloadTemplate(template, objects, scope, 'Parameters');

    expect(resolved).toStrictEqual({
      first: { a: 1 },
      count: 1,
      pairs: [
        { bucket: 'b1', key: 'k1' },
        { bucket: 'b2', key: 'k2' },
      ],
    });
  });

  // [re:Post] a Jayway function compiles, but AWS finds nothing with it.
  it('fails a function path as not found, as AWS does', () => {
    const resolve = () => resolvePayloadTemplate({ 'Jobs.$': '$.Jobs.sum()' }, { Jobs: [1, 2] }, scope, 'Parameters');

    expect(resolve).toThrow(
      new StatesError(
        'States.Runtime',
        `The JSONPath '$.Jobs.sum()' specified for the field 'Jobs.$' could not be found in the input '{"Jobs":[1,2]}'`,
      ),
    );
  });
});

describe('definite paths that select nothing', () => {
  // [tokens] Jayway's messages, which AWS quotes after "Invalid path '<path>' : ".
  it.each<[string, JsonValue, string]>([
    ['$.[5]', objects, 'No results for path: $[5]'],
    ['$.Snapshots.[0].Nope', snapshots, "No results for path: $['Snapshots'][0]['Nope']"],
    ['$.Nope.[0]', snapshots, "Missing property in path $['Nope']"],
    ['$.n.[0]', { n: null }, "The path $['n'] is null"],
  ])('fails %s with States.Runtime', (path, input, failure) => {
    const run = () => select(path, input);

    expect(run).toThrow(new StatesError('States.Runtime', `Invalid path '${path}' : ${failure}`));
  });
});

describe('paths Jayway refuses', () => {
  // [compiler] and [filter]: InvalidPathException messages; the definition is refused at creation
  // (see test/workflows/emulator/jayway-paths.int.test.ts), and a running state fails as below.
  it.each<[string, string]>([
    ['$.a...b', "Character '.' on position 5 is not valid."],
    ['$.a.', "Path must not end with a '.' or '..'"],
    ['$1', "Illegal character at position 1 expected '.' or '['"],
    ['$.a b', "Use bracket notion ['my prop'] if your property contains blank characters. position: 2"],
    ["$['a'", 'Property must be separated by comma or Property must be terminated close square bracket at index 4'],
    ["$['a',]", 'Found empty property at index 6'],
    ["$['a", "Property has not been closed - missing closing '"],
    ['$[*x]', "Expected wildcard token to end with ']' on position 3"],
    ['$.a[]', "Could not parse token starting at position 3. Expected ?, ', 0-9, * "],
    ['$[1,a]', "Could not parse token starting at position 1. Expected ?, ', 0-9, * "],
    ['$[1:-]', 'java.lang.NumberFormatException: For input string: "-"'],
    ['$[?]', 'Not enough predicates supplied for filter [?] at position 1'],
    ['$[?(@.a ==)]', 'Failed to parse filter: [?(@.a ==)], error on position: 9, char: )'],
    ["$[?(@.a == 'x)]", "Could not find matching close quote for ' when parsing : $[?(@.a == 'x)]"],
    ['$[?(@.a == 1 &&)]', 'Failed to parse filter: [?(@.a == 1 &&)], error on position: 14, char: )'],
  ])('refuses %s', (path, problem) => {
    const explained = explainJsonPath(path);

    expect(explained).toStrictEqual({ problem });
  });

  it('fails a state whose path does not compile with States.Runtime', () => {
    const run = () => select('$.a...b', {});

    expect(run).toThrow(new StatesError('States.Runtime', "The value for the field 'InputPath' must be a valid JSONPath"));
  });

  // [compiler] CharacterIndex.currentIsTail is true one character before the end, so Jayway reads `$.a[` as `$.a`.
  it('reads a path whose last character Jayway ignores as Jayway does', () => {
    const selected = select('$.a[', { a: 1 });

    expect(selected).toBe(1);
  });
});
