import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'invalid-path';
const REFERENCE =
  'must be a reference path to a single node: no wildcards (*), filters ([?(…)]), slices ([a:b]), unions ([a,b]) or deep scan (..)';
const TEMPLATE = 'must be a path ($…), a context path ($$…), a variable ($name…) or an intrinsic function (States.Format(…))';

function state(fields: Record<string, unknown>): Record<string, unknown> {
  return machine({ Step: { Type: 'Task', Resource: LAMBDA, ...fields, End: true } });
}

describe('checkPaths (invalid-path)', () => {
  it.each([
    ['an unparsable InputPath', state({ InputPath: '$..[' }), 'InputPath "$..[" is not a valid JSONPath (unexpected end at column 5)'],
    [
      'an OutputPath not starting with $',
      state({ OutputPath: 'result' }),
      'OutputPath "result" is not a valid JSONPath (unexpected "r" at column 1)',
    ],
    ['a wildcard in ResultPath', state({ ResultPath: '$.items[*]' }), `ResultPath "$.items[*]" ${REFERENCE}`],
    [
      'a variable in ResultPath',
      state({ ResultPath: '$result' }),
      'ResultPath "$result" cannot refer to a variable; a ResultPath must start with $',
    ],
    ['a filter in TimeoutSecondsPath', state({ TimeoutSecondsPath: '$.t[?(@.x)]' }), `TimeoutSecondsPath "$.t[?(@.x)]" ${REFERENCE}`],
    [
      'a deep scan in a Catch ResultPath',
      state({ Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$..error', Next: 'Step' }] }),
      `Catch[0].ResultPath "$..error" ${REFERENCE}`,
    ],
    ['a Parameters value that is no path', state({ Parameters: { 'name.$': 'name' } }), `Parameters.name.$ "name" ${TEMPLATE}`],
    [
      'a nested ResultSelector value that is not a string',
      state({ ResultSelector: { body: { 'id.$': 7 } } }),
      `ResultSelector.body.id.$ ${TEMPLATE}, got 7`,
    ],
    [
      'an unknown intrinsic function',
      state({ Parameters: { 'id.$': 'States.Guid()' } }),
      'Parameters.id.$ "States.Guid()" is not a valid intrinsic function call (unexpected "S" at column 1)',
    ],
    [
      'an intrinsic function in InputPath',
      state({ InputPath: 'States.StringToJson($.body)' }),
      'InputPath "States.StringToJson($.body)" cannot call an intrinsic function; only payload template fields (ending in .$) can',
    ],
  ])('reports %s', (_, definition, message) => {
    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Step'], message)]);
  });

  it.each([
    ['a Choice Variable', { Variable: '$.items[0:2]', IsPresent: true, Next: 'Done' }, `Choices[0].Variable "$.items[0:2]" ${REFERENCE}`],
    [
      'a nested And rule operand',
      { And: [{ Variable: '$.a', StringEqualsPath: '$.b[*]' }], Next: 'Done' },
      `Choices[0].And[0].StringEqualsPath "$.b[*]" ${REFERENCE}`,
    ],
  ])('reports %s that is not a reference path', (_, rule, message) => {
    const definition = machine({ Decide: { Type: 'Choice', Choices: [rule], Default: 'Done' }, Done: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Decide'], message)]);
  });

  it('reports a Map ItemSelector inside a Parallel branch by its full path', () => {
    const definition = machine({
      Fork: {
        Type: 'Parallel',
        Branches: [
          scope({
            Each: { Type: 'Map', ItemSelector: { 'item.$': 'item' }, ItemProcessor: scope({ Work: { Type: 'Succeed' } }), End: true },
          }),
        ],
        End: true,
      },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Fork', 'Each'], `ItemSelector.item.$ "item" ${TEMPLATE}`)]);
  });

  it('accepts paths, context paths, variables and intrinsic functions where each is allowed', () => {
    const definition = machine({
      Step: {
        Type: 'Task',
        Resource: LAMBDA,
        InputPath: '$.orders[?(@.total > 100)]',
        Parameters: {
          'execution.$': '$$.Execution.Id',
          'customer.$': '$customer.name',
          'message.$': "States.Format('Order {} is ready', $.id)",
          'ids.$': 'States.Array($.a, $.b)',
          static: 'not a path',
        },
        ResultPath: '$.result',
        OutputPath: '$',
        Next: 'Fail',
      },
      Fail: { Type: 'Fail', ErrorPath: "States.Format('E{}', $.code)", CausePath: '$.cause' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });

  it('leaves JSONata states alone', () => {
    const definition = machine({ Step: { Type: 'Pass', QueryLanguage: 'JSONata', Output: { 'x.$': 'not checked here' }, End: true } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([]);
  });
});
