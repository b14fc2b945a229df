/**
 * `statecraft validate` and compile (both run checkDefinition) accept the paths AWS accepts though
 * asl-path-validator refuses them, and still refuse malformed ones. AWS compiles paths with Jayway
 * JsonPath: https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PathCompiler.java
 * (a `.` before a bracket is read as the bracket), FilterCompiler.java (a filter may read `$`).
 * AWS's own examples: `$.abc.['def ghi']` (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html);
 * OutputPath `$.[0]` (https://github.com/ChristopheBougere/asl-validator/issues/47).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../cli/run-cli';
import { diagnose, error, LAMBDA, machine } from './diagnose';

const CODE = 'invalid-path';
const REFERENCE =
  'must be a reference path to a single node: no wildcards (*), filters ([?(…)]), slices ([a:b]), unions ([a,b]) or deep scan (..)';

function task(fields: Record<string, unknown>): Record<string, unknown> {
  return machine({ Step: { Type: 'Task', Resource: LAMBDA, ...fields, End: true } });
}

/** A machine using every form the sample collection uses, in every kind of path field. */
const SAMPLE_FORMS = machine({
  First: {
    Type: 'Task',
    Resource: LAMBDA,
    InputPath: '$.[0]',
    Parameters: {
      'state.$': '$.Snapshots.[0].State',
      'pairs.$': "$.[*].['bucket', 'key']",
      'body.$': 'States.StringToJson($.[0].body)',
      'wanted.$': '$.items[?(@.id == $.want)].v',
      'quoted.$': "$.items[?(@.id >= $['want'] && @.name =~ /a.*/i)].v",
      'spaced.$': "$.abc.['def ghi']",
      'context.$': '$$.Execution.Input.[0]',
    },
    ResultSelector: { 'positive.$': '$.[?(@.OU > 0)]', 'firsts.$': '$..[0]' },
    ResultPath: '$.result.[0]',
    OutputPath: '$.[0]',
    Next: 'Decide',
  },
  Decide: {
    Type: 'Choice',
    Choices: [{ Variable: '$.Snapshots.[0].State', StringEqualsPath: "$.['expected']", Next: 'Each' }],
    Default: 'Fail',
  },
  Each: {
    Type: 'Map',
    ItemsPath: '$.result.[0]',
    ItemSelector: { 'item.$': '$$.Map.Item.Value.[0]' },
    ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Succeed' } } },
    Next: 'Fail',
  },
  Fail: { Type: 'Fail', ErrorPath: '$.errors.[0]', CausePath: "States.Format('{}', $.[0].cause)" },
});

describe('Jayway path forms in checks', () => {
  it('accepts the forms AWS accepts in every kind of path field, with nothing from asl-validator either', () => {
    const diagnostics = diagnose(SAMPLE_FORMS);

    expect(diagnostics).toStrictEqual([]);
  });

  it.each([
    ['a filter with a word operator', { InputPath: "$.items[?(@.size in ['S', 'M'])]" }],
    ['a union of names', { InputPath: "$['a','b']" }],
    ['a function, which AWS accepts at creation', { InputPath: '$.items.length()' }],
    ['a variable with a dot before a bracket', { Parameters: { 'x.$': '$rows.[0]' } }],
  ])('accepts %s', (_, fields) => {
    const diagnostics = diagnose(task(fields));

    expect(diagnostics).toStrictEqual([]);
  });

  it.each([
    ['a path Jayway cannot compile', { InputPath: '$.a...b' }, 'InputPath "$.a...b" is not a valid JSONPath (unexpected "." at column 6)'],
    [
      'a filter Jayway cannot compile',
      { InputPath: '$.[?(@.a ==)]' },
      'InputPath "$.[?(@.a ==)]" is not a valid JSONPath: Failed to parse filter: [?(@.a ==)], error on position: 9, char: )',
    ],
    [
      'a dot before a bracket Jayway cannot read',
      { InputPath: '$.a.[1:-]' },
      'InputPath "$.a.[1:-]" is not a valid JSONPath: java.lang.NumberFormatException: For input string: "-"',
    ],
    [
      'a last character Jayway would ignore',
      { OutputPath: '$.a[' },
      'OutputPath "$.a[" is not a valid JSONPath: AWS would ignore its last character \'[\'',
    ],
    ['a wildcard after a dot in ResultPath', { ResultPath: '$.[*]' }, `ResultPath "$.[*]" ${REFERENCE}`],
    ['a filter after a dot in a ResultPath', { ResultPath: '$.a.[?(@.x)]' }, `ResultPath "$.a.[?(@.x)]" ${REFERENCE}`],
    [
      'a variable in a ResultPath',
      { ResultPath: '$v.[0]' },
      'ResultPath "$v.[0]" cannot refer to a variable; a ResultPath must start with $',
    ],
    ['a union in a TimeoutSecondsPath', { TimeoutSecondsPath: "$.['a','b']" }, `TimeoutSecondsPath "$.['a','b']" ${REFERENCE}`],
    [
      'an intrinsic argument Jayway cannot compile',
      { Parameters: { 'x.$': 'States.StringToJson($.[0]..)' } },
      'Parameters.x.$ "States.StringToJson($.[0]..)" is not a valid intrinsic function call (unexpected "[" at column 23)',
    ],
    [
      'an unknown intrinsic with a Jayway path',
      { Parameters: { 'x.$': 'States.Nope($.[0])' } },
      'Parameters.x.$ "States.Nope($.[0])" is not a valid intrinsic function call (unexpected "S" at column 1)',
    ],
  ])('refuses %s', (_, fields, message) => {
    const diagnostics = diagnose(task(fields), CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['Step'], message)]);
  });

  it('refuses a Choice Variable that selects several nodes', () => {
    const definition = machine({
      Decide: { Type: 'Choice', Choices: [{ Variable: '$.[*].State', IsPresent: true, Next: 'Done' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['Decide'], `Choices[0].Variable "$.[*].State" ${REFERENCE}`)]);
  });

  it('lets statecraft validate pass a file using these forms', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statecraft-jayway-'));
    const file = path.join(dir, 'forms.asl.json');
    fs.writeFileSync(file, JSON.stringify(SAMPLE_FORMS));

    const result = runCli(['validate', file]);

    expect(result).toStrictEqual({ code: 0, stdout: `${file}: valid\n`, stderr: '' });
  });
});
