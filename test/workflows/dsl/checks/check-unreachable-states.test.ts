import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'unreachable-state';

describe('checkUnreachableStates (unreachable-state)', () => {
  it('reports a top-level state that nothing transitions to', () => {
    const definition = machine({ Start: { Type: 'Pass', End: true }, Orphan: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([error(CODE, ['Orphan'], 'State is unreachable: no transition leads to it from StartAt "Start"')]);
  });

  it('reports states that only reach each other, even though asl-validator sees them as targets', () => {
    const definition = machine({
      Start: { Type: 'Pass', End: true },
      Ping: { Type: 'Pass', Next: 'Pong' },
      Pong: { Type: 'Pass', Next: 'Ping' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Ping'], 'State is unreachable: no transition leads to it from StartAt "Start"'),
      error(CODE, ['Pong'], 'State is unreachable: no transition leads to it from StartAt "Start"'),
    ]);
  });

  it.each([
    [
      'a Parallel branch',
      'Parallel',
      { Branches: [scope({ Work: { Type: 'Pass', End: true }, Stray: { Type: 'Succeed' } })] },
      'branch 1 of "Outer"',
    ],
    [
      'a Map processor',
      'Map',
      { ItemProcessor: scope({ Work: { Type: 'Pass', End: true }, Stray: { Type: 'Succeed' } }) },
      'the ItemProcessor of "Outer"',
    ],
  ])('reports an unreachable state inside %s, relative to its own StartAt', (_, type, fields, label) => {
    const definition = machine({ Outer: { Type: type, ...fields, End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Outer', 'Stray'], `State is unreachable: no transition leads to it from StartAt "Work" of ${label}`),
    ]);
  });

  it('counts Choice rules, Default and Catch arms as transitions', () => {
    const definition = machine({
      Call: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], Next: 'Decide' },
      Decide: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Failed' },
      Done: { Type: 'Succeed' },
      Failed: { Type: 'Fail' },
    });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });

  it('leaves a scope whose StartAt names no state to dangling-transition', () => {
    const definition = { StartAt: 'Nowhere', States: { A: { Type: 'Succeed' } } };

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([]);
  });
});
