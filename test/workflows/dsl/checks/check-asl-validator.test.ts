import { runAslValidator } from '../../../../workflows/dsl/checks/run-asl-validator';
import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'asl-validator';

function jsonata(states: Record<string, unknown>): Record<string, unknown> {
  return machine(states, { QueryLanguage: 'JSONata' });
}

describe('checkAslValidator (asl-validator)', () => {
  it.each([
    [
      'an AtMostOne rule, inside a Map processor',
      machine({
        Each: {
          Type: 'Map',
          ItemProcessor: scope({ Call: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t', End: true } }),
          End: true,
        },
      }),
      ['Each', 'Call'],
      'State must contain at most one of "TimeoutSeconds", "TimeoutSecondsPath"',
    ],
    [
      'a schema error, inside a Parallel branch',
      machine({ Fork: { Type: 'Parallel', Branches: [scope({ Pause: { Type: 'Wait', Timestamp: 'tomorrow', End: true } })], End: true } }),
      ['Fork', 'Pause'],
      'Timestamp is invalid: must match exactly one schema in oneOf',
    ],
    [
      'a branch without a terminal state',
      machine({
        Fork: {
          Type: 'Parallel',
          Branches: [scope({ Ping: { Type: 'Pass', Next: 'Pong' }, Pong: { Type: 'Pass', Next: 'Ping' } })],
          End: true,
        },
      }),
      ['Fork'],
      'Branch 1 of "Fork" has no terminal state: no state has End: true, and none is a Succeed or Fail state',
    ],
    [
      'fields that clash once ".$" is stripped',
      machine({ Step: { Type: 'Pass', Parameters: { id: 1, 'id.$': '$.id' }, End: true } }),
      ['Step'],
      'Fields "id" and "id.$" clash: both are named "id" once ".$" is stripped',
    ],
    [
      'a state that fits no schema, when nothing more precise is known',
      machine({ Step: { Type: 'Pass', Resource: LAMBDA, End: true } }),
      ['Step'],
      "State does not match asl-validator's schema for a Pass state (a field it does not allow, or a field of the other query language?)",
    ],
  ])('reports %s on the state path it concerns', (_, definition, statePath, message) => {
    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, statePath, message)]);
  });

  it.each([
    ['a number', 42],
    ['an array', [1, 2]],
    ['a plain string', 'done'],
    ['null', null],
    ['a multi-line expression', { total: '{% $sum(\n  $states.input.prices\n) %}' }],
  ])('drops the false positive on a JSONata Output that is %s, which AWS accepts', (_, output) => {
    const definition = jsonata({ Step: { Type: 'Pass', Output: output, End: true } });

    const diagnostics = diagnose(definition);

    expect(runAslValidator(definition).errors).not.toStrictEqual([]);
    expect(diagnostics).toStrictEqual([]);
  });

  it.each([
    [
      'a fractional ToleratedFailurePercentage',
      machine({ Each: { Type: 'Map', ItemProcessor: scope({ Work: { Type: 'Succeed' } }), ToleratedFailurePercentage: 0.5, End: true } }),
    ],
    [
      'null and {% %} literals inside a JSONPath Assign',
      machine({ Keep: { Type: 'Pass', Assign: { list: [null, '{% $x %}'], 'id.$': '$.id' }, End: true } }),
    ],
  ])('drops the false positive on %s, which AWS accepts', (_, definition) => {
    const diagnostics = diagnose(definition);

    expect(runAslValidator(definition).errors).not.toStrictEqual([]);
    expect(diagnostics).toStrictEqual([]);
  });

  it.each([
    [
      'duplicate-state-name',
      machine({ A: { Type: 'Pass', Next: 'P' }, P: { Type: 'Parallel', Branches: [scope({ A: { Type: 'Succeed' } })], End: true } }),
    ],
    ['unreachable-state', machine({ A: { Type: 'Succeed' }, B: { Type: 'Succeed' } })],
    ['dangling-transition', machine({ A: { Type: 'Pass', Next: 'Nowhere' } })],
    [
      'dangling-transition',
      machine({ M: { Type: 'Map', Iterator: scope({ X: { Type: 'Pass', Next: 'Y' } }), Next: 'Y' }, Y: { Type: 'Succeed' } }),
    ],
    ['missing-transition', machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } })],
    ['malformed-definition', machine({ M: { Type: 'Map', End: true } })],
    ['malformed-definition', { StartAt: 'A', States: {} }],
    ['malformed-definition', machine({ A: { End: true } })],
    ['retry-catch-not-allowed', machine({ A: { Type: 'Succeed', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'A' }] } })],
    ['heartbeat-not-less-than-timeout', machine({ A: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 0, End: true } })],
    ['invalid-path', machine({ A: { Type: 'Pass', Parameters: { 'x.$': 'x' }, End: true } })],
    ['jsonata-syntax', jsonata({ A: { Type: 'Pass', Assign: { x: '{% 1 + %}' }, End: true } })],
    ['jsonata-syntax', jsonata({ A: { Type: 'Pass', InputPath: '$.x', End: true } })],
    ['jsonata-syntax', machine({ A: { Type: 'Task', Resource: LAMBDA, Arguments: { a: 1 }, End: true } })],
  ])('does not repeat what %s already reports', (code, definition) => {
    const diagnostics = diagnose(definition);

    expect(runAslValidator(definition).errors).not.toStrictEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(diagnostics.filter((d) => d.code === CODE)).toStrictEqual([]);
  });
});
