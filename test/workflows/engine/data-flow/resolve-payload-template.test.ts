import type { JsonValue } from '../../../../workflows/asl';
import { resolvePayloadTemplate, type PathScope } from '../../../../workflows/engine/data-flow';
import { StatesError } from '../../../../workflows/engine/errors';

const scope: PathScope = {
  context: { Execution: { Id: 'arn:exec', Input: { message: 'hi' } }, State: { Name: 'S' } },
  variables: { name: 'John', cfg: { retries: 3 } },
};
const data: JsonValue = { vals: [0, 10, 20, 30, 40, 50], flagged: 7, items: [{ item_key: 0 }] };

describe('resolvePayloadTemplate', () => {
  it('resolves the ASL specification example', () => {
    const template = { flagged: true, parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]' } };

    const resolved = resolvePayloadTemplate(template, data, scope, 'Parameters');

    expect(resolved).toStrictEqual({ flagged: true, parts: { first: 0, last3: [30, 40, 50] } });
  });

  it.each<[string, JsonValue, JsonValue]>([
    ['a whole input', { 'all.$': '$' }, { all: data }],
    ['a context path', { 'id.$': '$$.Execution.Id', 'ctx.$': '$$.State' }, { id: 'arn:exec', ctx: { Name: 'S' } }],
    ['variables', { 'who.$': '$name', 'n.$': '$cfg.retries' }, { who: 'John', n: 3 }],
    ['an intrinsic', { 'greeting.$': "States.Format('Hello {}', $name)" }, { greeting: 'Hello John' }],
    ['entries nested in arrays', { list: [{ 'x.$': '$.flagged' }, 'lit', ['$.vals']] }, { list: [{ x: 7 }, 'lit', ['$.vals']] }],
    [
      'literal strings that look like paths',
      { path: '$.vals', intrinsic: 'States.UUID()' },
      { path: '$.vals', intrinsic: 'States.UUID()' },
    ],
    ['an indefinite path with no match', { 'none.$': '$.items[*].missing' }, { none: [] }],
    ['a non-object template', 'constant', 'constant'],
    ['a key that is only the suffix', { '.$': 'kept' }, { '.$': 'kept' }],
  ])('resolves %s', (_, template, expected) => {
    const resolved = resolvePayloadTemplate(template, data, scope, 'Parameters');

    expect(resolved).toStrictEqual(expected);
  });

  // The first cause is AWS's (scenarios/test_invalid_jsonpath_INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH),
  // where the context object stands in the input.
  it.each<[JsonValue, JsonValue, string, string]>([
    [
      { 'value.$': '$$.Execution.Input.no_such_jsonpath' },
      data,
      'States.Runtime',
      `The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '${JSON.stringify(scope.context)}'`,
    ],
    [
      { nested: { 'JobName.$': '$.JobName' } },
      {},
      'States.Runtime',
      "The JSONPath '$.JobName' specified for the field 'JobName.$' could not be found in the input '{}'",
    ],
    [{ 'Input.$': '$' }, null, 'States.Runtime', 'Unable to apply Path transformation to null or empty input.'],
    [{ 'x.$': '$nobody' }, data, 'States.Runtime', "Invalid path '$nobody' : The variable '$nobody' is not defined."],
    [
      { 'x.$': 'plain text' },
      data,
      'States.Runtime',
      "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
    ],
    [
      { 'x.$': 42 },
      data,
      'States.Runtime',
      "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call (in Parameters)",
    ],
    [
      { 'x.$': 'States.ArrayGetItem($.vals, 9)' },
      data,
      'States.IntrinsicFailure',
      'Invalid arguments in States.ArrayGetItem: index 9 is out of bounds for an array of length 6',
    ],
  ])('fails %j with AWS error', (template, input, code, cause) => {
    const resolve = () => resolvePayloadTemplate(template, input, scope, 'Parameters');

    expect(resolve).toThrow(new StatesError(code, cause));
  });

  it('does not modify the template or the input', () => {
    const template: JsonValue = { 'a.$': '$.items', b: { 'c.$': '$.vals[0]' } };
    const before = structuredClone({ template, data });

    resolvePayloadTemplate(template, data, scope, 'Parameters');

    expect({ template, data }).toStrictEqual(before);
  });
});
