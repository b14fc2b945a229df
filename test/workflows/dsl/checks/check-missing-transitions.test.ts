import { diagnose, error, LAMBDA, machine, scope } from './diagnose';

const CODE = 'missing-transition';

describe('checkMissingTransitions (missing-transition)', () => {
  it.each([
    ['Pass', {}],
    ['Task', { Resource: LAMBDA }],
    ['Wait', { Seconds: 5 }],
    ['Parallel', { Branches: [scope({ Inner: { Type: 'Succeed' } })] }],
    ['Map', { ItemProcessor: scope({ Inner: { Type: 'Succeed' } }) }],
  ])('reports a %s state with neither Next nor End', (type, fields) => {
    const definition = machine({ Step: { Type: type, ...fields } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Step'], `${type} state has neither Next nor End: true; add Next to continue or End: true to stop`),
    ]);
  });

  it('reports a state with both Next and End: true', () => {
    const definition = machine({ Step: { Type: 'Pass', Next: 'Done', End: true }, Done: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Step'], 'Pass state has both Next and End: true; keep Next to continue or End: true to stop'),
    ]);
  });

  it.each([
    ['Succeed', { Next: 'Other' }, 'A Succeed state cannot have Next: it ends the execution'],
    ['Fail', { End: true }, 'A Fail state cannot have End: it ends the execution'],
    [
      'Choice',
      { Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Other' }], Default: 'Other', Next: 'Other' },
      'A Choice state cannot have Next: its rules and Default choose the next state',
    ],
  ])('reports a %s state that has a transition of its own', (type, fields, message) => {
    const definition = machine({ Step: { Type: type, ...fields }, Other: { Type: 'Succeed' } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([error(CODE, ['Step'], message)]);
  });

  it('reports the state inside a Parallel branch by its full path', () => {
    const definition = machine({ Fork: { Type: 'Parallel', Branches: [scope({ Inner: { Type: 'Pass' } })], End: true } });

    const diagnostics = diagnose(definition, CODE);

    expect(diagnostics).toStrictEqual([
      error(CODE, ['Fork', 'Inner'], 'Pass state has neither Next nor End: true; add Next to continue or End: true to stop'),
    ]);
  });

  it('accepts exactly one of Next and End: true', () => {
    const definition = machine({ Step: { Type: 'Pass', Next: 'Last' }, Last: { Type: 'Pass', End: true } });

    const diagnostics = diagnose(definition);

    expect(diagnostics).toStrictEqual([]);
  });
});
