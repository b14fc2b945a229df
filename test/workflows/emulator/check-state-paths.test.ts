/**
 * CreateStateMachine refuses the paths Jayway JsonPath cannot compile and accepts the rest. Messages:
 * "Value must be a valid JSONPath." at the field (https://github.com/aws-cloudformation/cfn-lint/issues/4078)
 * and "The value for the field 'JobName.$' must be a valid JSONPath"
 * (https://github.com/aws/amazon-states-language-service/issues/26); the location of the latter is ours.
 */
import { validateDefinition } from '../../../workflows/emulator';

const machine = (states: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  JSON.stringify({ StartAt: Object.keys(states)[0], ...top, States: states });

describe('checkStatePaths', () => {
  it('accepts the forms Jayway compiles', () => {
    const definition = machine({
      A: {
        Type: 'Pass',
        InputPath: '$.[0]',
        Parameters: {
          'a.$': "$.[*].['x', 'y']",
          'b.$': '$.items[?(@.id == $.want)]',
          'c.$': 'States.StringToJson($.[0].body)',
          'd.$': '$.a[',
        },
        ResultPath: '$.r.[0]',
        Next: 'B',
      },
      B: { Type: 'Choice', Choices: [{ Variable: '$.r.[0]', IsPresent: true, Next: 'C' }], Default: 'C' },
      C: { Type: 'Succeed' },
    });

    expect(validateDefinition(definition)).toStrictEqual([]);
  });

  it.each([
    ['an InputPath', { A: { Type: 'Pass', InputPath: '$.a...b', End: true } }, 'Value must be a valid JSONPath.', '/States/A/InputPath'],
    [
      'an ItemsPath',
      { A: { Type: 'Map', ItemsPath: '$[', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Succeed' } } }, End: true } },
      'Value must be a valid JSONPath.',
      '/States/A/ItemsPath',
    ],
    [
      'a nested Parameters path',
      { A: { Type: 'Pass', Parameters: { deep: [{ 'x.$': '$.[?(@.a ==)]' }] }, End: true } },
      "The value for the field 'x.$' must be a valid JSONPath",
      '/States/A/Parameters/deep/0/x.$',
    ],
    [
      'a Choice Variable',
      { A: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a b', IsNull: true }, Next: 'B' }] }, B: { Type: 'Succeed' } },
      'Value must be a valid JSONPath.',
      '/States/A/Choices/0/Not/Variable',
    ],
  ])('refuses %s that Jayway cannot compile', (_, states, message, location) => {
    const diagnostics = validateDefinition(machine(states));

    expect(diagnostics).toStrictEqual([{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location }]);
  });

  it('leaves JSONata states alone', () => {
    const definition = machine({ A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '$.a...b', End: true } });

    expect(validateDefinition(definition)).toStrictEqual([]);
  });
});
