import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'dangling-transition';
const TOP = 'at the top level of the state machine';

describe('checkDanglingTransitions (dangling-transition)', () => {
  it.each([
    ['Next', { Type: 'Pass', Next: 'Finsh' }, 'Next'],
    ['Default', { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Finish' }], Default: 'Finsh' }, 'Default'],
    [
      'a Choice rule Next',
      { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Finsh' }], Default: 'Finish' },
      'Choices[0].Next',
    ],
    [
      'a Catch Next',
      { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Finsh' }], Next: 'Finish' },
      'Catch[0].Next',
    ],
  ])('reports %s naming a missing state and suggests the closest name', (_, start, field) => {
    const definition = machine({ Start: start, Finish: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Start'], `${field} targets "Finsh", but there is no state "Finsh" ${TOP}; did you mean "Finish"?`),
    ]);
  });

  it('reports a top-level StartAt naming a missing state, without a suggestion when no name is close', () => {
    const definition = { StartAt: 'Begin', States: { Work: { Type: 'Succeed' } } };

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, [], `StartAt targets "Begin", but there is no state "Begin" ${TOP}`)]);
  });

  it('reports a branch StartAt on the Parallel state, naming the branch', () => {
    const definition = machine({
      'Fan out': { Type: 'Parallel', Branches: [{ StartAt: 'Wrok', States: { Work: { Type: 'Succeed' } } }], End: true },
    });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Fan out'],
        'Branches[0].StartAt targets "Wrok", but there is no state "Wrok" in branch 1 of "Fan out"; did you mean "Work"?',
      ),
    ]);
  });

  it('reports a transition out of a Map processor, saying where the target really is', () => {
    const definition = machine({
      Each: { Type: 'Map', ItemProcessor: scope({ Work: { Type: 'Pass', Next: 'Done' } }), Next: 'Done' },
      Done: { Type: 'Succeed' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(
        CODE,
        ['Each', 'Work'],
        `Next targets "Done", which is ${TOP}, not in the ItemProcessor of "Each"; a transition cannot leave or enter a Parallel branch or Map processor`,
      ),
    ]);
  });

  it('is not repeated by asl-validator, which also sees the missing target', () => {
    const definition = machine({ Start: { Type: 'Pass', Next: 'Finsh' }, Finish: { Type: 'Succeed' } });

    const codes = diagnose(definition).map((d) => d.code);

    expect(codes).toStrictEqual([CODE, 'unreachable-state']);
  });

  it('reports a target that is not a string', () => {
    const definition = machine({ Start: { Type: 'Pass', Next: 42 }, Done: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['Start'], 'Next must be a state name, got 42')]);
  });

  it('accepts transitions that stay in their scope', () => {
    const definition = machine({
      Start: { Type: 'Parallel', Branches: [scope({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Succeed' } })], Next: 'Done' },
      Done: { Type: 'Succeed' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
