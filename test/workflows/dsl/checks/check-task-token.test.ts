import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'task-token-missing';
const CALLBACK = `${LAMBDA}.waitForTaskToken`;
const JSONPATH_MESSAGE =
  'Resource ends with .waitForTaskToken, but the task token is never sent: Parameters must pass "$$.Task.Token" in a field ending in .$ (e.g. "TaskToken.$": "$$.Task.Token"), or the execution waits until the task times out';
const JSONATA_MESSAGE =
  'Resource ends with .waitForTaskToken, but the task token is never sent: Arguments must pass {% $states.context.Task.Token %}, or the execution waits until the task times out';

describe('checkTaskToken (task-token-missing)', () => {
  it.each([
    ['no token at all', { FunctionName: 'approve', 'Payload.$': '$' }],
    ['the token as a literal string, in a field without .$', { FunctionName: 'approve', Payload: { token: '$$.Task.Token' } }],
  ])('reports a JSONPath callback task that passes %s', (_, parameters) => {
    const definition = machine({ Approve: { Type: 'Task', Resource: CALLBACK, Parameters: parameters, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Approve'], JSONPATH_MESSAGE)]);
  });

  it('reports a JSONata callback task nested in a Parallel branch', () => {
    const definition = machine(
      {
        Fork: {
          Type: 'Parallel',
          Branches: [
            scope({
              Approve: {
                Type: 'Task',
                Resource: CALLBACK,
                Arguments: { FunctionName: 'approve', Payload: '{% $states.input %}' },
                End: true,
              },
            }),
          ],
          End: true,
        },
      },
      { QueryLanguage: 'JSONata' },
    );

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Fork', 'Approve'], JSONATA_MESSAGE)]);
  });

  it.each([
    ['a nested .$ field', { Parameters: { FunctionName: 'approve', Payload: { 'token.$': '$$.Task.Token' } } }],
    [
      'an intrinsic function',
      {
        Parameters: {
          FunctionName: 'approve',
          'Payload.$': 'States.JsonMerge($, States.StringToJson(States.Format(\'\\{"token":"{}"\\}\', $$.Task.Token)), false)',
        },
      },
    ],
    [
      'a JSONata expression',
      { QueryLanguage: 'JSONata', Arguments: { FunctionName: 'approve', Payload: { token: '{% $states.context.Task.Token %}' } } },
    ],
  ])('accepts the token passed in %s', (_, fields) => {
    const definition = machine({ Approve: { Type: 'Task', Resource: CALLBACK, ...fields, End: true } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([]);
  });

  it('ignores tasks that do not wait for a token', () => {
    const definition = machine({ Call: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f' }, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
