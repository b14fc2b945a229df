import { validateDefinition } from '../../../workflows/emulator';
import { invalidDefinitionMessage } from '../../../workflows/emulator/validate-definition';

const machine = (states: Record<string, unknown>, startAt = 'A') => JSON.stringify({ StartAt: startAt, States: states });

describe('validateDefinition', () => {
  it('accepts JSONata outputs of any type and JSONPath-looking literals in Assign', () => {
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Output: 'string literal', Assign: { x: ['$.no', '{% 1 %}'] }, Next: 'B' },
        B: { Type: 'Pass', Output: [], End: true },
      },
    });

    expect(validateDefinition(definition)).toStrictEqual([]);
  });

  it.each([
    ['not JSON', '{', 'INVALID_JSON_DESCRIPTION', ''],
    ['a missing StartAt target', machine({ A: { Type: 'Pass', End: true } }, 'Z'), 'MISSING_TRANSITION_TARGET', '/StartAt'],
    ['a missing Next target', machine({ A: { Type: 'Pass', Next: 'Z' } }), 'MISSING_TRANSITION_TARGET', '/States/A/Next'],
    ['a state without Next or End', machine({ A: { Type: 'Pass' } }), 'MISSING_TRANSITION_TARGET', '/States/A'],
    ['an unknown state type', machine({ A: { Type: 'Nope', End: true } }), 'SCHEMA_VALIDATION_FAILED', '/States/A/Type'],
    ['a Task without Resource', machine({ A: { Type: 'Task', End: true } }), 'SCHEMA_VALIDATION_FAILED', '/States/A'],
    [
      'a bad Catch target',
      machine({ A: { Type: 'Task', Resource: 'r', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Z' }], End: true } }),
      'MISSING_TRANSITION_TARGET',
      '/States/A/Catch/0/Next',
    ],
    [
      'an invalid nested branch',
      machine({ A: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: {} }], End: true } }),
      'SCHEMA_VALIDATION_FAILED',
      '/States/A/Branches/0',
    ],
    [
      'a heartbeat not below the timeout',
      machine({ A: { Type: 'Task', Resource: 'r', TimeoutSeconds: 5, HeartbeatSeconds: 5, End: true } }),
      'SCHEMA_VALIDATION_FAILED',
      '/States/A/HeartbeatSeconds',
    ],
  ])('reports %s', (_label, definition, code, location) => {
    const [first] = validateDefinition(definition);

    expect(first).toMatchObject({ severity: 'ERROR', code, location });
  });

  it('lists every problem in the InvalidDefinition message', () => {
    const message = invalidDefinitionMessage(validateDefinition(machine({ A: { Type: 'Pass', Next: 'Z' }, B: { Type: 'Pass' } })));

    expect(message).toBe(
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /States/A/Next, MISSING_TRANSITION_TARGET: State must have either a 'Next' or an 'End' field at /States/B'",
    );
  });
});
