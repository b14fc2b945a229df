import { checkDefinition } from '../../../../workflows/dsl/checks/check-definition';
import { diagnose, error, machine, warning, WORKFLOW } from './diagnose';
import { jsonataDefinition, jsonPathDefinition } from './realistic-definitions';

describe('checkDefinition', () => {
  it('finds nothing wrong with a realistic JSONPath definition (Parallel, Map, Choice, Retry/Catch, waitForTaskToken)', () => {
    const definition = jsonPathDefinition();

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });

  it('finds nothing wrong with a realistic JSONata definition, scalar Output included', () => {
    const definition = jsonataDefinition();

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });

  it.each([
    ['null', null, 'got null'],
    ['an array', [], 'got an array'],
    ['a number', 3, 'got 3'],
    ['a string', 'StartAt', 'got "StartAt"'],
  ])('reports a definition that is %s instead of throwing', (_, definition, got) => {
    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error('malformed-definition', [], `The definition must be a JSON object with StartAt and States, ${got}`),
    ]);
  });

  it('reports States that is not an object instead of throwing', () => {
    const definition = { StartAt: 'A', States: 3 };

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error('malformed-definition', [], 'States must be an object of named states, got 3')]);
  });

  it("reports every problem at once, ours in check order, then asl-validator's", () => {
    const definition = machine({
      Start: { Type: 'Pass', Next: 'Decide' },
      Decide: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Dnoe' }] },
      Done: { Type: 'Succeed' },
      Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', TimeoutSeconds: 5, TimeoutSecondsPath: '$.t', End: true },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        'dangling-transition',
        ['Decide'],
        'Choices[0].Next targets "Dnoe", but there is no state "Dnoe" at the top level of the state machine; did you mean "Done"?',
      ),
      error('unreachable-state', ['Done'], 'State is unreachable: no transition leads to it from StartAt "Start"'),
      error('unreachable-state', ['Call'], 'State is unreachable: no transition leads to it from StartAt "Start"'),
      warning(
        'choice-fall-through',
        ['Decide'],
        'Choice has no Default: when no rule matches, the execution fails with States.NoChoiceMatched',
      ),
      error('asl-validator', ['Call'], 'State must contain at most one of "TimeoutSeconds", "TimeoutSecondsPath"'),
    ]);
  });

  it('asks locate for the source line of each diagnostic and reports it as location', () => {
    const definition = machine({ Start: { Type: 'Pass' } });
    const asked: (readonly string[])[] = [];
    const locate = (statePath: readonly string[]): string => {
      asked.push(statePath);
      return 'workflows/definitions/deploy-service.ts:12';
    };

    const diagnostics = checkDefinition(definition, { workflow: WORKFLOW, locate });

    expect(diagnostics).toStrictEqual([
      {
        severity: 'error',
        code: 'missing-transition',
        workflow: WORKFLOW,
        statePath: ['Start'],
        location: 'workflows/definitions/deploy-service.ts:12',
        message: 'Pass state has neither Next nor End: true; add Next to continue or End: true to stop',
      },
    ]);
    expect(asked).toStrictEqual([['Start']]);
  });

  it('leaves location out when locate does not know the state', () => {
    const definition = machine({ Start: { Type: 'Pass' } });

    const [diagnostic] = checkDefinition(definition, { workflow: WORKFLOW, locate: () => undefined });

    expect(diagnostic).not.toHaveProperty('location');
  });

  it('does not modify the definition it checks', () => {
    const definition = jsonPathDefinition();
    const before = JSON.stringify(definition);

    checkDefinition(definition, { workflow: WORKFLOW });

    expect(JSON.stringify(definition)).toBe(before);
  });
});
